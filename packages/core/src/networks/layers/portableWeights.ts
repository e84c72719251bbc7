import type { PortableWeights } from '../../contracts/PortableLayer.js';
import { tf } from '../../tensorflow.js';

/** A tensor's shape and a copy of its values. */
export function portableWeights(tensor: tf.Tensor): PortableWeights {
  return { shape: [...tensor.shape], values: Float32Array.from(tensor.dataSync()) };
}
