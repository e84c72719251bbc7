import { medianDistance } from './medianDistance.js';
import type { Points } from './Points.js';
import { squaredDistance } from './squaredDistance.js';

/**
 * The median heuristic for a Gaussian kernel's bandwidth: the median Euclidean distance
 * over all pairs i < j of `points` (the mean of the two middle ones for an even count).
 * Throws a RangeError for fewer than 2 points or a median of 0 (most points identical).
 */
export function medianBandwidth(points: Points): number {
  const { n } = points;
  if (n < 2) throw new RangeError(`medianBandwidth: needs at least 2 points, got ${n}`);
  const distances = new Float64Array((n * (n - 1)) / 2);
  let index = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) distances[index++] = squaredDistance(points, i, points, j);
  const median = medianDistance(distances);
  if (!(median > 0)) throw new RangeError('medianBandwidth: the median pairwise distance is 0');
  return median;
}
