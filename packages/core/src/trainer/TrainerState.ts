import type { Rng } from '../random/Rng.js';
import type { tf } from '../tensorflow.js';

/** Everything that changes while training; a checkpoint saves all of it. */
export interface TrainerState {
  /** Generator iterations completed. */
  iteration: number;
  /** Seconds spent training before this process (a resumed run continues the clock). */
  elapsedBefore: number;
  readonly rng: Rng;
  readonly criticOptimizer: tf.Optimizer | null;
  readonly generatorOptimizer: tf.Optimizer;
}
