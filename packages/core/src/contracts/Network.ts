import type { tf } from '../tensorflow.js';
import type { PortableLayer } from './PortableLayer.js';
import type { WeightLayer } from './WeightLayer.js';

/** A parametric function built from tensor ops; every weight is a tf.Variable it owns. */
export interface Network {
  /** Input shape per sample, e.g. [2] or [28, 28, 1]. */
  readonly inputShape: readonly number[];
  /** Output shape per sample. */
  readonly outputShape: readonly number[];
  /** Trainable weights, in a stable order; constraints reach every one of them. */
  readonly trainableVariables: readonly tf.Variable[];
  /** Non-trainable state (batch-norm running statistics), checkpointed with the weights. */
  readonly stateVariables: readonly tf.Variable[];
  /** Its dense and convolution layers in order, for constraints (absent: the network exposes none). */
  readonly layers?: readonly WeightLayer[];
  /**
   * True when each sample's output depends on that sample alone, in training mode too, and
   * apply() changes no state (no batch statistics): the trainer may then score the real and
   * the fake batch in one pass over their concatenation. Absent means false (two passes).
   */
  readonly samplewise?: boolean;
  /**
   * Its layers in order as plain data with their current weights, for `ipmgan export
   * --generator` (a tfjs LayersModel); absent: the network cannot be exported.
   */
  readonly portableLayers?: () => readonly PortableLayer[];
  /** x: [batch, ...inputShape] -> [batch, ...outputShape]. `training` selects batch statistics. */
  apply(x: tf.Tensor, training: boolean): tf.Tensor;
  dispose(): void;
}
