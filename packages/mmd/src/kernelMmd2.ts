import { tf } from '@ipmgan/core';
import { pairwiseSquaredDistances } from './pairwiseSquaredDistances.js';

type Estimator = (x: tf.Tensor2D, y: tf.Tensor2D, bandwidths: readonly number[]) => tf.Scalar;

/** A kernel of squared distances (any shape, the same shape back) under a set of bandwidths. */
type Kernel = (squaredDistances: tf.Tensor, bandwidths: readonly number[]) => tf.Tensor;

/** Mean of the off-diagonal entries of a square [n, n] matrix. */
function offDiagonalMean(k: tf.Tensor2D): tf.Scalar {
  const n = k.shape[0];
  if (n < 2) throw new Error('the unbiased MMD^2 needs at least two samples per side');
  const offDiagonal = tf.sub(tf.ones([n, n]), tf.eye(n)); // [n, n]
  return tf.div(tf.sum(tf.mul(k, offDiagonal)), n * (n - 1));
}

/**
 * The quadratic-time estimators of MMD^2(P, Q) = E k(x, x') + E k(y, y') - 2 E k(x, y) from
 * x [n, d] ~ P and y [m, d] ~ Q (Gretton et al. 2012, JMLR 13, Eqs. 3 and 5) under the given
 * kernel: @ipmgan/mmd's Gaussian mixture on samples, @ipmgan/mmd-gan's k - S on critic features.
 */
export function kernelMmd2(kernel: Kernel): Readonly<Record<'biased' | 'unbiased', Estimator>> {
  /** K(a, b) [n, m]. */
  const kernelMatrix = (a: tf.Tensor2D, b: tf.Tensor2D, bandwidths: readonly number[]): tf.Tensor2D =>
    kernel(pairwiseSquaredDistances(a, b), bandwidths) as tf.Tensor2D;
  return {
    /** V-statistic: every mean includes i = j, so it is >= 0 and biased upwards; O(n^2). */
    biased: (x, y, bandwidths) =>
      tf.tidy(() =>
        tf.sub(
          tf.add(tf.mean(kernelMatrix(x, x, bandwidths)), tf.mean(kernelMatrix(y, y, bandwidths))),
          tf.mul(tf.mean(kernelMatrix(x, y, bandwidths)), 2),
        ),
      ),
    /** U-statistic: the within-sample means skip i = j; unbiased, can be negative; O(n^2). */
    unbiased: (x, y, bandwidths) =>
      tf.tidy(() =>
        tf.sub(
          tf.add(offDiagonalMean(kernelMatrix(x, x, bandwidths)), offDiagonalMean(kernelMatrix(y, y, bandwidths))),
          tf.mul(tf.mean(kernelMatrix(x, y, bandwidths)), 2),
        ),
      ),
  };
}
