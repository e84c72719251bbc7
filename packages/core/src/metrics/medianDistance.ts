/**
 * The median of distances given as squared distances (the median heuristic's bandwidth): sorts
 * `squared` in place and returns the square root of the middle one, or the mean of the two middle
 * ones' roots for an even count (0 for none). The one median of pairwise distances: core's
 * medianBandwidth and @ipmgan/mmd's per-batch heuristic both take it.
 */
export function medianDistance(squared: Float32Array | Float64Array): number {
  squared.sort();
  const middle = squared.length >> 1;
  return squared.length % 2 === 1
    ? Math.sqrt(squared[middle] ?? 0)
    : (Math.sqrt(squared[middle - 1] ?? 0) + Math.sqrt(squared[middle] ?? 0)) / 2;
}
