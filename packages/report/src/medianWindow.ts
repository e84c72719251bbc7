/** The report's median-filter window for a series of n points: about a tenth of it, odd, 1 to 51. */
export function medianWindow(n: number): number {
  const tenth = Math.floor(n / 20) * 2 + 1;
  return Math.max(1, Math.min(51, tenth));
}
