import { tf } from '@ipmgan/core';
import { pairwiseSquaredDistances } from '@ipmgan/mmd';

/**
 * Added under every square root: the gradient of ||a|| at a = 0 is 0/0, and a generator that
 * puts two samples on one point, or an estimate of a batch against itself, reaches it. 1e-12
 * moves a norm by at most 1e-6, below float32 resolution of any distance near 1.
 */
export const NORM_FLOOR = 1e-12;

/** ||a_i||_2 of each row of a [n, k]: [n], with NORM_FLOOR under the root. */
export function rowNorms(a: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sqrt(tf.add<tf.Tensor1D>(tf.sum(tf.square(a), 1), NORM_FLOOR)));
}

/** ||a_i - b_j||_2 for every pair of rows of a [n, k] and b [m, k]: [n, m], with NORM_FLOOR under the root. */
export function pairwiseDistances(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.sqrt(tf.add<tf.Tensor2D>(pairwiseSquaredDistances(a, b), NORM_FLOOR)));
}
