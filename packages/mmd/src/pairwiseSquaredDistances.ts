import { tf } from '@ipmgan/core';

/**
 * ||x_i - y_j||^2 for every pair, as ||x_i||^2 + ||y_j||^2 - 2 x_i.y_j: one matMul, no loop
 * over samples. The transpose is an explicit op because tfjs-wasm is slow with matMul's
 * transpose flags. Rounding can make the expansion slightly negative (x_i = y_j with a large
 * norm), so it is clamped at 0.
 */
export function pairwiseSquaredDistances(x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy((): tf.Tensor2D => {
    const xx = tf.sum(tf.square(x), 1, true); // [n, 1]
    const yy = tf.reshape(tf.sum(tf.square(y), 1), [1, -1]); // [1, m]
    const xy = tf.matMul(x, tf.transpose<tf.Tensor2D>(y)); // [n, m]
    return tf.relu(tf.sub<tf.Tensor2D>(tf.add(xx, yy), tf.mul(xy, 2))); // [n, m]
  });
}
