import type { tf } from '../tensorflow.js';

/** A tensor's values as plain numbers, disposing it: the spec's read of a loss or estimate. */
export function readNumbers(x: tf.Tensor): number[] {
  const values = Array.from(x.dataSync());
  x.dispose();
  return values;
}
