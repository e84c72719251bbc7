import type { MeanSe } from '@ipmgan/report';
import type { Claim } from '../Claim.js';
import type { E4Correlations } from './e4Correlations.js';
import { formatMeanSe } from '@ipmgan/report';

/** Thresholds of the E4 claims, fixed here so every run is judged by the same rule. */
export const E4_THRESHOLDS = {
  /** "The loss correlates with sample quality": mean Spearman rho(estimate, W1) at least this. */
  correlates: 0.5,
} as const;

/** The paper's Section 4.3 claims (Figure 4 against Figures 5 and 9), judged on the correlations. */
export function e4Claims(correlations: readonly E4Correlations[]): Claim[] {
  const of = (label: string): E4Correlations | undefined => correlations.find((c) => c.label === label);
  const wgan = of('wgan');
  const gan = of('gan');
  const t = E4_THRESHOLDS.correlates;
  const mean = (m: MeanSe | null | undefined): number => m?.mean ?? Number.NaN;
  return [
    {
      id: 'wgan-meaningful-loss',
      paper: "Section 4.3, Figure 4: the WGAN critic's estimate of the EM distance correlates with sample quality.",
      measured: `rho(W1*K estimate, exact W1) = ${formatMeanSe(wgan?.estimate, 3)} over seeds`,
      criterion: `mean rho >= ${String(t)}`,
      held: mean(wgan?.estimate) >= t,
    },
    {
      id: 'gan-js-not-meaningful',
      paper: "Section 4.3, Figure 5: the GAN discriminator's JS estimate correlates poorly with sample quality.",
      measured: `rho(JS lower bound, exact W1) = ${formatMeanSe(gan?.estimate, 3)}`,
      criterion: `mean rho < ${String(t)}`,
      held: mean(gan?.estimate) < t,
    },
    {
      id: 'gan-generator-loss-not-meaningful',
      paper: "Appendix F, Figure 9: with -log D, the GAN's generator loss does not track sample quality either.",
      measured: `rho(generator loss, exact W1) = ${formatMeanSe(gan?.generatorLoss, 3)}`,
      criterion: `mean rho < ${String(t)}`,
      held: mean(gan?.generatorLoss) < t,
    },
  ];
}
