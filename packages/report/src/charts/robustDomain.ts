/** The q-quantile of sorted values (linear between neighbours). */
function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lo = sorted[Math.floor(at)] ?? 0;
  const hi = sorted[Math.ceil(at)] ?? lo;
  return lo + (hi - lo) * (at - Math.floor(at));
}

function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/**
 * One robust range for every panel: the union of the panels' 2nd to 98th percentile ranges
 * and the true modes, plus a 10 % margin, leaving out the panels whose range is more than five
 * times the median panel's (a diverged run): it cannot squeeze the others into a corner, and
 * its points outside are cut at the edge.
 */
export function robustDomain(panels: readonly (readonly number[])[], modes: readonly number[]): [number, number] {
  const ranges = panels
    .map((values) => [...values].filter(Number.isFinite).sort((a, b) => a - b))
    .filter((sorted) => sorted.length > 0)
    .map((sorted) => [quantile(sorted, 0.02), quantile(sorted, 0.98)] as const);
  const typical = median(ranges.map(([lo, hi]) => hi - lo));
  const kept = ranges.filter(([lo, hi]) => hi - lo <= 5 * typical);
  let lo = Math.min(...kept.map((r) => r[0]), ...modes);
  let hi = Math.max(...kept.map((r) => r[1]), ...modes);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const margin = 0.1 * (hi - lo);
  return [lo - margin, hi + margin];
}
