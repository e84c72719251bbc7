import type { Rng } from '../random/Rng.js';
import type { tf } from '../tensorflow.js';

/** The known centres of a Gaussian mixture, for the mode metrics. */
export interface MixtureModes {
  readonly centres: readonly (readonly number[])[];
  /** Standard deviation of every component, per coordinate. */
  readonly std: number;
}

/** A distribution P_r to draw real minibatches from. */
export interface DataSource {
  readonly id: string;
  /** Shape of one sample, e.g. [2] or [28, 28, 1]. */
  readonly shape: readonly number[];
  /** The definition in one line, recorded as `data.definition` in the run's config.resolved.json. */
  readonly definition: string;
  /** Present for Gaussian mixtures. */
  readonly modes?: MixtureModes;
  /** n samples: [n, ...shape]. Every random choice comes from `rng`. */
  sample(n: number, rng: Rng): tf.Tensor;
}
