import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import type { Critic } from '../contracts/Critic.js';
import type { DataSource } from '../contracts/DataSource.js';
import type { Generator } from '../contracts/Generator.js';
import type { Objective } from '../contracts/Objective.js';
import type { Constraint } from '../contracts/Constraint.js';
import type { PluginContexts } from './PluginContexts.js';
import type { TrainerState } from './TrainerState.js';

/** What hooks see: the players and the trainer's state, read-only by convention. */
export interface TrainerContext {
  readonly config: ResolvedConfig;
  readonly data: DataSource;
  readonly generator: Generator;
  readonly critic: Critic | null;
  readonly objective: Objective;
  /** The critic's constraints, in config order. */
  readonly constraints: readonly Constraint[];
  /** Plugin contexts and state: a hook reaches its own with `context.plugins.forHook(this)`. */
  readonly plugins: PluginContexts;
  readonly state: TrainerState;
  /** Whether this generator iteration logs an estimate. */
  isLogIteration(iteration: number): boolean;
  /** Whether this generator iteration runs the evaluator hooks. */
  isEvaluationIteration(iteration: number): boolean;
}
