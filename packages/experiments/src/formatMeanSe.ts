import type { MeanSe } from '@ipmgan/report';

/** "mean ± se" with `digits` decimals; "n/a" when nothing was measured, "—" for the se of one run. */
export function formatMeanSe(value: MeanSe | null | undefined, digits = 3): string {
  if (!value) return 'n/a';
  const se = value.se === null ? '—' : value.se.toFixed(digits);
  return `${value.mean.toFixed(digits)} ± ${se}`;
}
