/** How a mixture's samples sit around its modes, by nearest centre. */
interface NearestModeStats {
  /** Samples nearest each centre, in the centres' order. */
  readonly counts: number[];
  /** Per-coordinate std around the nearest centre: sqrt(E||x - c||^2 / 2). */
  readonly std: number;
  /** The largest distance of a sample to its nearest centre. */
  readonly maxDistance: number;
}

/** For 2-D samples flattened as (x0, y0, x1, y1, ...): counts, spread and reach around the nearest of `centres`. */
export function nearestModeStats(x: Float32Array, centres: readonly (readonly number[])[]): NearestModeStats {
  const n = x.length / 2;
  const counts = new Array<number>(centres.length).fill(0);
  let sumSq = 0;
  let maxDistance = 0;
  for (let i = 0; i < n; i++) {
    const px = x[2 * i] ?? NaN;
    const py = x[2 * i + 1] ?? NaN;
    let best = 0;
    let bestD = Infinity;
    centres.forEach((c, k) => {
      const d = Math.hypot(px - (c[0] ?? 0), py - (c[1] ?? 0));
      if (d < bestD) [best, bestD] = [k, d];
    });
    counts[best] = (counts[best] ?? 0) + 1;
    sumSq += bestD * bestD;
    maxDistance = Math.max(maxDistance, bestD);
  }
  return { counts, std: Math.sqrt(sumSq / (2 * n)), maxDistance };
}
