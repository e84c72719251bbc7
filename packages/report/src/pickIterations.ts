/**
 * The sample iterations to plot: the requested ones that have a sample file, else up to
 * `count` spread evenly over the available ones, always including the last.
 */
export function pickIterations(available: readonly number[], requested?: readonly number[], count = 4): number[] {
  const sorted = [...new Set(available)].sort((a, b) => a - b);
  if (requested !== undefined) return sorted.filter((i) => requested.includes(i));
  if (sorted.length <= count) return sorted;
  const picked = Array.from({ length: count }, (_, k) => Math.round(((k + 1) * (sorted.length - 1)) / count)).map(
    (index) => sorted[index] ?? 0,
  );
  return [...new Set(picked)];
}
