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
 * One robust range for every panel: the median over panels of each panel's 2nd to 98th
 * percentile range, widened to hold the true modes, plus a margin. A panel that diverged (or
 * a few far samples) cannot squeeze the others; its points outside are cut at the edge.
 */
export function robustDomain(panels: readonly (readonly number[])[], modes: readonly number[]): [number, number] {
  const ranges = panels
    .map((values) => [...values].filter(Number.isFinite).sort((a, b) => a - b))
    .filter((sorted) => sorted.length > 0)
    .map((sorted) => [quantile(sorted, 0.02), quantile(sorted, 0.98)] as const);
  let lo = Math.min(ranges.length > 0 ? median(ranges.map((r) => r[0])) : Infinity, ...modes);
  let hi = Math.max(ranges.length > 0 ? median(ranges.map((r) => r[1])) : -Infinity, ...modes);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const margin = 0.1 * (hi - lo);
  return [lo - margin, hi + margin];
}
