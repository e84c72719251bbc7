import type { tf } from '../../tensorflow.js';

/** One step of a sequential network; owns its variables. */
export interface Layer {
  readonly trainableVariables: readonly tf.Variable[];
  readonly stateVariables: readonly tf.Variable[];
  apply(x: tf.Tensor, training: boolean): tf.Tensor;
}
