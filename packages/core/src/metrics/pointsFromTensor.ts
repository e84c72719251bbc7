import { tf } from '../tensorflow.js';
import type { Points } from './Points.js';

/** Copies a tensor [n, ...shape] out as {@link Points} (trailing dimensions flattened); the tensor is left alone. */
export function pointsFromTensor(x: tf.Tensor): Points {
  const [n = 0] = x.shape;
  const dim = x.rank === 1 ? 1 : x.shape.slice(1).reduce((a, b) => a * b, 1);
  return { n, dim, data: Float64Array.from(x.dataSync()) };
}
