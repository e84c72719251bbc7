import { tf } from '@ipmgan/core';
import { gaussianKernelMixture } from './gaussianKernelMixture.js';
import { kernelMmd2 } from './kernelMmd2.js';

type Estimator = (x: tf.Tensor2D, y: tf.Tensor2D, bandwidths: readonly number[]) => tf.Scalar;

/**
 * Estimators of MMD^2(P, Q) = E k(x, x') + E k(y, y') - 2 E k(x, y) from x [n, d] ~ P and
 * y [m, d] ~ Q under the Gaussian kernel mixture (Gretton et al. 2012, JMLR 13, Eqs. 3, 5 and
 * Lemma 14): the biased and unbiased ones of kernelMmd2, and the linear-time one.
 */
export const mmdEstimators: Readonly<Record<'biased' | 'unbiased' | 'linear', Estimator>> = {
  ...kernelMmd2(gaussianKernelMixture),
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
