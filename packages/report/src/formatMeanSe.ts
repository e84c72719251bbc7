import { formatNumber } from './formatNumber.js';
import type { MeanSe } from './MeanSe.js';

/**
 * "mean ± se" ("mean ± —" for a single run, "n/a" when no run recorded it): with `digits`
 * decimals when given (experiment tables), else formatNumber's significant digits (reports).
 */
export function formatMeanSe(cell: MeanSe | null | undefined, digits?: number): string {
  if (!cell) return 'n/a';
  const format = (x: number): string => (digits === undefined ? formatNumber(x) : x.toFixed(digits));
  return `${format(cell.mean)} ± ${cell.se === null ? '—' : format(cell.se)}`;
}
