import type { PortableLayer } from '../../contracts/PortableLayer.js';
import type { WeightLayer } from '../../contracts/WeightLayer.js';
import type { tf } from '../../tensorflow.js';

/** One step of a sequential network; owns its variables. */
export interface Layer {
  readonly trainableVariables: readonly tf.Variable[];
  readonly stateVariables: readonly tf.Variable[];
  /** Present on layers with a kernel (dense, convolutions): what constraints see and reparametrise. */
  readonly weightLayer?: WeightLayer;
  /** True for batch norm: its training-mode output depends on the whole batch and it updates state. */
  readonly batchDependent?: boolean;
  apply(x: tf.Tensor, training: boolean): tf.Tensor;
  /**
   * The layer as plain data with its current weights, for export (absent: a network holding it
   * can't be exported); a fused layer (dense or batch norm with its activation) is two.
   */
  readonly portable?: () => readonly PortableLayer[];
}
