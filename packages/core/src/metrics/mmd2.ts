import type { Points } from './Points.js';
import { squaredDistance } from './squaredDistance.js';

/**
 * Unbiased (U-statistic) estimate of MMD^2 between the distributions of `a` (n points) and
 * `b` (m points), Gretton et al. 2012 eq. 3, under the fixed Gaussian kernel mixture
 * k(x, y) = sum_s exp(-||x - y||^2 / (2 s^2)) over `bandwidths` s (s is a length, not s^2):
 *   1/(n(n-1)) sum_{i != j} k(a_i, a_j) + 1/(m(m-1)) sum_{i != j} k(b_i, b_j) - 2/(nm) sum_{i,j} k(a_i, b_j).
 * It can be slightly negative when the distributions agree. The kernel is fixed, never the
 * one an objective trains against, so it is a sample-quality metric. O((n + m)^2 dim).
 */
export function mmd2(a: Points, b: Points, bandwidths: readonly number[]): number {
  if (a.dim !== b.dim) throw new RangeError(`mmd2: dimensions differ (${a.dim} vs ${b.dim})`);
  if (a.n < 2 || b.n < 2) throw new RangeError(`mmd2: the unbiased estimate needs 2+ points per set (${a.n}, ${b.n})`);
  if (bandwidths.length === 0 || bandwidths.some((s) => !(s > 0) || !Number.isFinite(s))) {
    throw new RangeError(`mmd2: bandwidths must be positive finite numbers, got [${bandwidths.join(', ')}]`);
  }
  const coefficients = bandwidths.map((s) => -1 / (2 * s * s));
  const kernel = (d2: number): number => coefficients.reduce((sum, c) => sum + Math.exp(c * d2), 0);
  // Within-set sums run over i < j and count twice.
  const within = (p: Points): number => {
    let sum = 0;
    for (let i = 0; i < p.n; i++) for (let j = i + 1; j < p.n; j++) sum += kernel(squaredDistance(p, i, p, j));
    return (2 * sum) / (p.n * (p.n - 1));
  };
  let cross = 0;
  for (let i = 0; i < a.n; i++) for (let j = 0; j < b.n; j++) cross += kernel(squaredDistance(a, i, b, j));
  return within(a) + within(b) - (2 * cross) / (a.n * b.n);
}
