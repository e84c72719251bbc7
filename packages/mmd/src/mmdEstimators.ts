import { tf } from '@ipmgan/core';
import { gaussianKernelMixture } from './gaussianKernelMixture.js';
import { pairwiseSquaredDistances } from './pairwiseSquaredDistances.js';

type Estimator = (x: tf.Tensor2D, y: tf.Tensor2D, bandwidths: readonly number[]) => tf.Scalar;

/** K(a, b) [n, m] under the kernel mixture. */
function kernelMatrix(a: tf.Tensor2D, b: tf.Tensor2D, bandwidths: readonly number[]): tf.Tensor2D {
  return gaussianKernelMixture(pairwiseSquaredDistances(a, b), bandwidths);
}

/** Mean of the off-diagonal entries of a square [n, n] matrix. */
function offDiagonalMean(k: tf.Tensor2D): tf.Scalar {
  const n = k.shape[0];
  if (n < 2) throw new Error('the unbiased MMD^2 needs at least two samples per side');
  const offDiagonal = tf.sub(tf.ones([n, n]), tf.eye(n)); // [n, n]
  return tf.div(tf.sum(tf.mul(k, offDiagonal)), n * (n - 1));
}

/**
 * Estimators of MMD^2(P, Q) = E k(x, x') + E k(y, y') - 2 E k(x, y) from x [n, d] ~ P and
 * y [m, d] ~ Q (Gretton et al. 2012, JMLR 13, Eqs. 3, 5 and Lemma 14).
 */
export const mmdEstimators: Readonly<Record<'biased' | 'unbiased' | 'linear', Estimator>> = {
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
  /**
   * Linear-time statistic on disjoint pairs z_i = (x_2i, y_2i), z'_i = (x_2i+1, y_2i+1):
   * mean over floor(n/2) pairs of h = k(x, x') + k(y, y') - k(x, y') - k(x', y). Unbiased,
   * O(n), with a larger variance than the U-statistic. An odd last row is dropped.
   */
  linear: (x, y, bandwidths) =>
    tf.tidy(() => {
      const n = Math.min(x.shape[0], y.shape[0]);
      const half = Math.floor(n / 2);
      if (half < 1) throw new Error('the linear-time MMD^2 needs at least two samples per side');
      const d = x.shape[1];
      // [2 * half, d] -> [half, 2, d]: row 2i is the first of pair i, row 2i+1 the second.
      const pairs = (t: tf.Tensor2D) => tf.reshape<tf.Rank.R3>(tf.slice(t, [0, 0], [2 * half, d]), [half, 2, d]);
      const first = (t: tf.Tensor3D) => tf.reshape<tf.Rank.R2>(tf.slice(t, [0, 0, 0], [half, 1, d]), [half, d]);
      const second = (t: tf.Tensor3D) => tf.reshape<tf.Rank.R2>(tf.slice(t, [0, 1, 0], [half, 1, d]), [half, d]);
      const px = pairs(x);
      const py = pairs(y);
      const [x1, x2, y1, y2] = [first(px), second(px), first(py), second(py)];
      // Row-wise squared distances [half]: a plain difference, exact and non-negative.
      const k = (a: tf.Tensor2D, b: tf.Tensor2D) =>
        gaussianKernelMixture(tf.sum(tf.square(tf.sub(a, b)), 1), bandwidths);
      const h = tf.sub(tf.add(k(x1, x2), k(y1, y2)), tf.add(k(x1, y2), k(x2, y1))); // [half]
      return tf.mean(h);
    }),
};
