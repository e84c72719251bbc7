import { medianDistance, tf } from '@ipmgan/core';
import { pairwiseSquaredDistances } from './pairwiseSquaredDistances.js';

/**
 * Points taken from each side: 128 + 128 pooled points give 32,640 pairs, plenty for a
 * median, and keep its cost independent of the batch size (the linear estimator stays linear).
 */
export const MEDIAN_POINTS_PER_SIDE = 128;

/** Guards the kernel's 1 / s^2 when more than half of the pooled points coincide. */
const MIN_BANDWIDTH = 1e-6;

/**
 * The median heuristic (Gretton et al. 2012): the median Euclidean distance over distinct
 * pairs i < j of the pooled batch real + fake, using the first MEDIAN_POINTS_PER_SIDE rows of
 * each (the rows are independent draws already). It is a plain number read back from the
 * backend, so no gradient flows through the bandwidth. Even pair counts average the two
 * middle distances.
 */
export function medianHeuristic(real: tf.Tensor2D, fake: tf.Tensor2D): number {
  const squared = tf.tidy(() => {
    const take = (t: tf.Tensor2D) => tf.slice(t, [0, 0], [Math.min(t.shape[0], MEDIAN_POINTS_PER_SIDE), -1]);
    const pooled = tf.concat([take(real), take(fake)], 0); // [p, d]
    return pairwiseSquaredDistances(pooled, pooled); // [p, p]
  });
  const p = squared.shape[0];
  const all = squared.dataSync();
  squared.dispose();
  const upper = new Float32Array((p * (p - 1)) / 2);
  let k = 0;
  for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) upper[k++] = all[i * p + j] ?? 0;
  if (upper.length === 0) throw new Error('the median heuristic needs at least two points');
  return Math.max(medianDistance(upper), MIN_BANDWIDTH);
}
