/** Service identifiers of the run container, one per role. */
export const IDS = {
  /** Multi-bound: every installed Extension (built-in and plugin). */
  Extension: Symbol.for('@ipmgan/core/Extension'),
  ResolvedConfig: Symbol.for('@ipmgan/core/ResolvedConfig'),
  Rng: Symbol.for('@ipmgan/core/Rng'),
  DataSource: Symbol.for('@ipmgan/core/DataSource'),
  Generator: Symbol.for('@ipmgan/core/Generator'),
  Critic: Symbol.for('@ipmgan/core/Critic'),
  Objective: Symbol.for('@ipmgan/core/Objective'),
  Constraints: Symbol.for('@ipmgan/core/Constraints'),
  /** The run's PluginContexts: plugin random streams, iteration and declared state. */
  PluginContexts: Symbol.for('@ipmgan/core/PluginContexts'),
  /** Multi-bound: hooks that observe training (loggers, checkpointers, evaluators). */
  TrainerHook: Symbol.for('@ipmgan/core/TrainerHook'),
  /** Multi-bound: hooks with evaluate() (core's sample-quality evaluator when run.evaluateEvery > 0). */
  Evaluator: Symbol.for('@ipmgan/core/Evaluator'),
  Trainer: Symbol.for('@ipmgan/core/Trainer'),
  /** Bound unless the run writes nothing (`directory: null`); core's file hooks resolve it. */
  RunDirectory: Symbol.for('@ipmgan/core/RunDirectory'),
} as const;
