import type { PluginState } from '../contracts/PluginState.js';
import type { StepResult } from './StepResult.js';
import type { TrainerContext } from './TrainerContext.js';

/**
 * Observes training. Every method is optional; loggers, checkpointers, samplers and
 * evaluators are hooks. A hook may return a promise: the trainer awaits it before going on.
 */
export interface TrainerHook {
  readonly name: string;
  /** State that checkpoints save and resume restores (key "hook:<name>"). */
  readonly state?: PluginState;
  /**
   * True for a hook that saves the run's state (core's Checkpointer): the trainer calls it
   * after every other hook, whatever the binding order, so that the checkpoint of iteration N
   * holds what every hook did at N (its state, its samples) and a run killed at any moment
   * resumes exactly.
   */
  readonly savesCheckpoints?: boolean;
  onTrainBegin?(context: TrainerContext): void | Promise<void>;
  afterCriticStep?(context: TrainerContext, criticLoss: number): void | Promise<void>;
  /**
   * Measures sample quality on evaluation iterations (every `run.evaluateEvery`); the
   * results of all hooks are merged into the step's `evaluation`, which the metrics
   * logger writes. An evaluator must draw from its own Rng, never the training stream.
   * `step` is the iteration's result so far (evaluation iterations always carry the estimate).
   */
  evaluate?(
    context: TrainerContext,
    iteration: number,
    step: StepResult,
  ): Record<string, number> | Promise<Record<string, number>>;
  afterGeneratorStep?(context: TrainerContext, step: StepResult): void | Promise<void>;
  onTrainEnd?(context: TrainerContext, outcome: TrainOutcome): void | Promise<void>;
}

export interface TrainOutcome {
  /** Generator iterations completed in total (a resumed run counts those before it). */
  readonly iteration: number;
  readonly reason: 'finished' | 'stopped' | 'diverged';
}
