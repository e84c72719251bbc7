import type { Claim } from './Claim.js';
import type { E5Results, E5Run } from './measureE5.js';

/** Thresholds of the E5 claims, fixed here so every run is judged by the same rule. */
export const E5_THRESHOLDS = {
  /** "The loss correlates with sample quality": rho(estimate, Frechet distance) at least this (E4's rule). */
  correlates: 0.5,
  /** "WGAN still was able to produce samples": at the last measurement at least this many of 10 classes covered. */
  classesCovered: 9,
} as const;

const f = (x: number | undefined, digits = 2): string => (x === undefined ? '?' : x.toFixed(digits));

/**
 * The paper's MNIST-MLP claims (Figure 4 upper left and lower half, Figure 5, Figure 8), judged on
 * the runs labelled wgan and gan; each compares last measurements or whole-run correlations.
 */
export function e5Claims(results: E5Results): Claim[] {
  const of = (label: string): E5Run | undefined => results.runs.find((r) => r.label === label);
  const wgan = of('wgan');
  const gan = of('gan');
  const wganLast = wgan?.points.at(-1);
  const ganLast = gan?.points.at(-1);
  const t = E5_THRESHOLDS.correlates;
  const nan = Number.NaN;
  return [
    {
      id: 'wgan-meaningful-loss-mnist',
      paper:
        'Section 4.3, Figure 4 (upper left, an MLP generator): "a clear correlation between lower error and better sample quality".',
      measured: `rho(${wgan?.estimateName ?? 'W1*K'} estimate, Frechet distance) = ${f(wgan?.rhoEstimateFrechet)} over ${String(wgan?.points.length ?? 0)} measurements (estimate / K: ${f(wgan?.rhoEstimateOverKFrechet)})`,
      criterion: `rho >= ${String(t)}`,
      held: (wgan?.rhoEstimateFrechet ?? nan) >= t,
    },
    {
      id: 'gan-js-not-meaningful-mnist',
      paper:
        "Section 4.3, Figure 5: the GAN discriminator's JS estimate shows no significant correlation with sample quality.",
      measured: `rho(${gan?.estimateName ?? 'JS lower bound'} estimate, Frechet distance) = ${f(gan?.rhoEstimateFrechet)} over ${String(gan?.points.length ?? 0)} measurements`,
      criterion: `rho < ${String(t)}`,
      held: (gan?.rhoEstimateFrechet ?? nan) < t,
    },
    {
      id: 'wgan-mlp-covers-digits',
      paper: 'Figure 8 (left): with a 4x512 MLP generator "the WGAN method still was able to produce samples".',
      measured: `WGAN's last measurement: ${String(wganLast?.covered ?? '?')} of 10 classes covered, class KL ${f(wganLast?.classKl, 3)} (real digits: ${String(results.real.covered)}, ${f(results.real.classKl, 3)})`,
      criterion: `classes covered >= ${String(E5_THRESHOLDS.classesCovered)}`,
      held: (wganLast?.covered ?? nan) >= E5_THRESHOLDS.classesCovered,
    },
    {
      id: 'gan-mlp-collapses-more',
      paper: 'Figure 8 (right): "Note the significant degree of mode collapse in the GAN MLP."',
      measured: `class KL to uniform at the last measurement: GAN ${f(ganLast?.classKl, 3)} vs WGAN ${f(wganLast?.classKl, 3)}; largest class share GAN ${f(ganLast?.largestShare, 3)} vs WGAN ${f(wganLast?.largestShare, 3)}`,
      criterion: "the GAN's class KL is above WGAN's",
      held: (ganLast?.classKl ?? nan) > (wganLast?.classKl ?? nan),
    },
    {
      id: 'wgan-mlp-better-than-gan-mlp',
      paper: 'Figure 8: WGAN\'s MLP samples are "of higher quality than the MLP of the standard GAN".',
      measured: `Frechet distance at the last measurement: WGAN ${f(wganLast?.frechet)} vs GAN ${f(ganLast?.frechet)} (real digits: ${f(results.real.frechet)})`,
      criterion: "WGAN's Frechet distance is below the GAN's",
      held: (wganLast?.frechet ?? nan) < (ganLast?.frechet ?? nan),
    },
  ];
}
