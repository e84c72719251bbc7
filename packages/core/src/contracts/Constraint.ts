import type { tf } from '../tensorflow.js';

/**
 * A Lipschitz constraint on the critic, kept out of the losses (clipping now; gradient
 * penalty and spectral normalisation are further units of the same kind).
 * `afterCriticStep` projects the weights; `penalty` adds a term to the critic loss.
 */
export interface Constraint {
  readonly id: string;
  afterCriticStep?(variables: readonly tf.Variable[]): void;
  penalty?(args: { real: tf.Tensor; fake: tf.Tensor; score: (x: tf.Tensor) => tf.Tensor1D }): tf.Scalar;
}
