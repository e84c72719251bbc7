import type { MeanSe } from './MeanSe.js';

/** Mean and standard error (sample sd with n - 1, over sqrt n) of the finite values; null when none is finite. */
export function meanAndStandardError(values: readonly number[]): MeanSe | null {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return null;
  const mean = finite.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, se: null, n };
  const variance = finite.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n), n };
}
