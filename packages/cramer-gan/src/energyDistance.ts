import { tf } from '@ipmgan/core';
import { pairwiseDistances } from './featureDistances.js';

/**
 * The energy distance of two samples, 2 E||x - y|| - E||x - x'|| - E||y - y'|| (Szekely and
 * Rizzo; the multivariate Cramer distance of Bellemare et al. 2017, Sec. 4), from x [n, k] and
 * y [m, k], every mean over all pairs including i = j (the V-statistic: >= 0, and exactly 0 for
 * a sample against itself). In one dimension it is twice the Cramer distance l2^2 between the
 * two empirical distribution functions.
 */
export function energyDistance(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() =>
    tf.sub(
      tf.mul(2, tf.mean(pairwiseDistances(x, y))),
      tf.add(tf.mean(pairwiseDistances(x, x)), tf.mean(pairwiseDistances(y, y))),
    ),
  );
}

/**
 * The energy distance's witness at h [n, k] against the batches x [p, k] (real) and y [q, k]
 * (fake): w(h) = mean_j ||h - y_j|| - mean_j ||h - x_j|| [n]. Its mean over x minus its mean
 * over y is energyDistance(x, y), term for term: the function of the data whose mean difference
 * the estimate is, so K measures its input gradient.
 */
export function energyWitness(h: tf.Tensor2D, x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sub(tf.mean(pairwiseDistances(h, y), 1), tf.mean(pairwiseDistances(h, x), 1)));
}
