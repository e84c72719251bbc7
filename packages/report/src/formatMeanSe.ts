import { formatNumber } from './formatNumber.js';
import type { MeanSe } from './MeanSe.js';

/** "mean ± se", "mean ± —" for a single run, "n/a" when no run recorded it. */
export function formatMeanSe(cell: MeanSe | null): string {
  if (cell === null) return 'n/a';
  return `${formatNumber(cell.mean)} ± ${cell.se === null ? '—' : formatNumber(cell.se)}`;
}
