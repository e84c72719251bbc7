/**
 * Running median with a centred window of `window` points (odd). Near the ends the window
 * shrinks symmetrically, so every output is the median of an odd count and the first and
 * last points are kept as they are. The WGAN paper plots its curves median-filtered.
 */
export function medianFilter(values: readonly number[], window: number): number[] {
  if (!Number.isInteger(window) || window < 1 || window % 2 === 0) {
    throw new RangeError(`medianFilter: window must be a positive odd integer, got ${window}`);
  }
  const half = (window - 1) / 2;
  return values.map((_, i) => {
    const reach = Math.min(half, i, values.length - 1 - i);
    const sorted = values.slice(i - reach, i + reach + 1).sort((a, b) => a - b);
    return sorted[reach] ?? Number.NaN;
  });
}
