import type { KernelTransform, WeightLayer } from '../../contracts/WeightLayer.js';
import type { tf } from '../../tensorflow.js';

/** The WeightLayer of a kernel layer; the layer's apply() reads `transform` on every call. */
export function weightLayer(
  kind: WeightLayer['kind'],
  name: string,
  kernel: tf.Variable,
  bias: tf.Variable | undefined,
): WeightLayer {
  let transform: KernelTransform | null = null;
  return {
    kind,
    name,
    kernel,
    bias: bias ?? null,
    get transform() {
      return transform;
    },
    reparametrise(next) {
      transform = next;
    },
  };
}
