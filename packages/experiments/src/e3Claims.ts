import type { SummaryRow } from '@ipmgan/report';
import type { Claim } from './Claim.js';
import { formatMeanSe } from './formatMeanSe.js';

/** Thresholds of the E3 claims, fixed here so every run is judged by the same rule. */
export const E3_THRESHOLDS = {
  /** "No mode collapse": WGAN's mean modes covered reaches this fraction of the mixture's modes. */
  coveredFraction: 0.9,
} as const;

/**
 * The paper's Figure 2 claims on a Gaussian mixture with `modeCount` modes, judged on a
 * comparison's rows (mean ± se over seeds at the last evaluation).
 */
export function e3Claims(rows: readonly SummaryRow[], modeCount: number, dataName: string): Claim[] {
  const row = (label: string): SummaryRow | undefined => rows.find((r) => r.label === label);
  const wgan = row('wgan');
  const gan = row('gan');
  const covered = (r: SummaryRow | undefined): number => r?.cells.modesCovered?.mean ?? Number.NaN;
  const claims: Claim[] = [];
  const needed = E3_THRESHOLDS.coveredFraction * modeCount;
  claims.push({
    id: 'wgan-no-mode-collapse',
    paper: 'Figure 2 and Section 4.2: WGAN learns the mixture of Gaussians without mode collapse.',
    measured: `${dataName}: WGAN covers ${formatMeanSe(wgan?.cells.modesCovered, 2)} of ${String(modeCount)} modes, ${formatMeanSe(wgan?.cells.highQuality, 1)} % high-quality samples, reverse KL ${formatMeanSe(wgan?.cells.reverseKl)}`,
    criterion: `WGAN's mean modes covered >= ${String(E3_THRESHOLDS.coveredFraction)} x ${String(modeCount)} = ${needed.toFixed(1)}`,
    held: covered(wgan) >= needed,
  });
  claims.push({
    id: 'gan-collapses-more',
    paper: 'Figure 2 (after Metz et al. 2016): the standard GAN, unlike WGAN, collapses onto a few modes.',
    measured: `${dataName}: modes covered GAN ${formatMeanSe(gan?.cells.modesCovered, 2)} vs WGAN ${formatMeanSe(wgan?.cells.modesCovered, 2)}`,
    criterion: "the GAN's mean modes covered is below WGAN's",
    held: covered(gan) < covered(wgan),
  });
  return claims;
}
