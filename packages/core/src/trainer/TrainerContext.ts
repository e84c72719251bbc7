import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import type { StepPlayers } from './StepPlayers.js';
import type { TrainerState } from './TrainerState.js';

/**
 * What hooks see: the players the step functions train (StepPlayers; a hook reaches its own
 * plugin context with `context.plugins.forHook(this)`), the config and the trainer's state,
 * read-only by convention.
 */
export interface TrainerContext extends StepPlayers {
  readonly config: ResolvedConfig;
  readonly state: TrainerState;
  /** Whether this generator iteration logs an estimate. */
  isLogIteration(iteration: number): boolean;
  /** Whether this generator iteration runs the evaluator hooks. */
  isEvaluationIteration(iteration: number): boolean;
}
