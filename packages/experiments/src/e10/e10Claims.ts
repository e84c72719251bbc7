import type { Claim } from '../Claim.js';
import type { E10Results } from './measureE10.js';

const e = (x: number): string => x.toExponential(2);
const f = (x: number, digits = 3): string => x.toFixed(digits);

/** Thresholds of the E10 claims. */
export const E10_THRESHOLDS = {
  /** Mean D (1 - D) / (1/4) at the generated samples at least this: the sigmoid is in its linear regime. */
  unsaturated: 0.9,
  /** ... below this: saturated. */
  saturated: 0.01,
  /** |d/dmu E[log(1 - D)]| below this: the minimax generator's gradient has vanished (as in E2). */
  vanishedGradient: 1e-2,
  /** R^2 of the logit's linear fit between the means, and its correlation with WGAN's critic over the grid, at least this. */
  likeCritic: 0.95,
} as const;

/** Appendix G.1's claims on the clipped GAN discriminator, judged at the smallest and the largest c. */
export function e10Claims(results: E10Results): Claim[] {
  const t = E10_THRESHOLDS;
  const small = results.discriminators[0];
  const large = results.discriminators.at(-1);
  const fractions = results.discriminators.map((d) => d.sigmoidSlopeFraction);
  const list = results.discriminators.map((d) => `c ${String(d.clip)}: ${f(d.sigmoidSlopeFraction)}`).join(', ');
  return [
    {
      id: 'small-clip-unsaturated',
      paper:
        'Appendix G.1: "if K (i.e. the clipping) is small enough (such as the 0.01 we use in practice), the saturating regime will never enter in place".',
      measured: small
        ? `c ${String(small.clip)}: mean D at the generated samples ${f(small.meanDFake)} (real ${f(small.meanDReal)}); D (1 - D) / (1/4) there ${f(small.sigmoidSlopeFraction)}`
        : 'no discriminator',
      criterion: `mean D (1 - D) / (1/4) at the generated samples >= ${String(t.unsaturated)}`,
      held: (small?.sigmoidSlopeFraction ?? Number.NaN) >= t.unsaturated,
    },
    {
      id: 'small-clip-is-a-wgan',
      paper: 'Appendix G.1: "if the clipping is small enough, the network is quite literally a WGAN".',
      measured: small
        ? `c ${String(small.clip)}: logit linear between the means with R^2 ${f(small.logitR2, 4)}; correlation with WGAN's critic over the grid ${f(small.correlationWithCritic, 4)} (WGAN's own R^2 ${f(results.critic.r2, 4)})`
        : 'no discriminator',
      criterion: `R^2 >= ${String(t.likeCritic)} and correlation with the critic >= ${String(t.likeCritic)}`,
      held:
        (small?.logitR2 ?? Number.NaN) >= t.likeCritic && (small?.correlationWithCritic ?? Number.NaN) >= t.likeCritic,
    },
    {
      id: 'large-clip-saturates',
      paper:
        'Appendix G.1: "if it\'s large it will saturate and fail to take into account information between samples that are far away (much like a normal GAN when the discriminator is trained till optimum)".',
      measured: large
        ? `c ${String(large.clip)}: mean D at the generated samples ${e(large.meanDFake)}, D (1 - D) / (1/4) ${e(large.sigmoidSlopeFraction)}, mean |dD/dx| ${e(large.meanAbsDDx)}; d/dmu E[log(1 - D)] ${e(large.gradientMinimax)} (the -log D loss: ${e(large.gradientNonSaturating)})`
        : 'no discriminator',
      criterion: `D (1 - D) / (1/4) < ${String(t.saturated)} and |d/dmu E[log(1 - D)]| < ${e(t.vanishedGradient)}`,
      held:
        (large?.sigmoidSlopeFraction ?? Number.NaN) < t.saturated &&
        Math.abs(large?.gradientMinimax ?? Number.NaN) < t.vanishedGradient,
    },
    {
      id: 'saturation-grows-with-c',
      paper: 'Appendix G.1: between the two regimes, saturation sets in as K (the clipping) grows.',
      measured: `D (1 - D) / (1/4) at the generated samples by c: ${list}`,
      criterion: 'non-increasing in c',
      held: fractions.length >= 2 && fractions.every((v, i) => i === 0 || v <= (fractions[i - 1] ?? Number.NaN)),
    },
  ];
}
