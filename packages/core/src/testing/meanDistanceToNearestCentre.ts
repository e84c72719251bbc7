/** Mean over `points` of the Euclidean distance to the nearest of `centres` (a mixture's modes). */
export function meanDistanceToNearestCentre(
  points: readonly (readonly number[])[],
  centres: readonly (readonly number[])[],
): number {
  let total = 0;
  for (const p of points) {
    total += Math.min(...centres.map((c) => Math.hypot(...p.map((v, i) => v - (c[i] ?? 0)))));
  }
  return total / points.length;
}
