import type { Claim } from '../Claim.js';
import type { E2Results } from './measureE2.js';

const e = (x: number): string => x.toExponential(2);
const f = (x: number, digits = 3): string => x.toFixed(digits);

/** Thresholds of the E2 claims. */
export const E2_THRESHOLDS = {
  /** Mean |dD/dx| at the generated samples below this: the discriminator has saturated. */
  saturatedSlope: 1e-3,
  /** |d/dmu E[log(1 - D)]| below this: the minimax generator's gradient has vanished. */
  vanishedGradient: 1e-2,
  /** R^2 of a linear fit of f between the two means at least this: the critic is near linear. */
  linearR2: 0.95,
  /** Mean |f'| / K at the generated samples at least this: the critic's gradient there has not vanished. */
  slopeOverK: 0.2,
} as const;

/** The paper's claims about its optimal discriminator and critic figure, each with the numbers and whether it held. */
export function e2Claims(results: E2Results): Claim[] {
  const t = E2_THRESHOLDS;
  const d = results.discriminator;
  const c = results.critic;
  return [
    {
      id: 'discriminator-saturates',
      paper: 'Sec. 3, Figure 3: the GAN discriminator trained to optimality saturates and gives vanishing gradients.',
      measured: `at the generated samples: mean D ${e(d.meanD)}, mean |dD/dx| ${e(d.meanAbsDDx)} (max ${e(d.maxAbsDDx)}); JS lower bound ${f(d.jsLowerBound, 4)} (log 2 = 0.6931)`,
      criterion: `mean |dD/dx| at the generated samples < ${e(t.saturatedSlope)}`,
      held: d.meanAbsDDx < t.saturatedSlope,
    },
    {
      id: 'minimax-gradient-vanishes',
      paper:
        'Sec. 3: the generator gradient through the saturated discriminator vanishes (the minimax loss log(1 - D)).',
      measured: `d/dmu E[log(1 - D(g(z)))] = ${e(d.gradientMinimax)}; for comparison the -log D loss the Trainer uses gives d/dmu -E[log D(g(z))] = ${e(d.gradientNonSaturating)}`,
      criterion: `|d/dmu E[log(1 - D)]| < ${e(t.vanishedGradient)}`,
      held: Math.abs(d.gradientMinimax) < t.vanishedGradient,
    },
    {
      id: 'critic-near-linear',
      paper: 'Sec. 3, Figure 3: the WGAN critic cannot saturate and converges to a (nearly) linear function.',
      measured: `linear fit of f between the means: R^2 ${f(c.fit.r2, 4)}, slope ${e(c.fit.slope)}; min/max |f'| over that span ${f(c.slopeRatioOverSpan)}`,
      criterion: `R^2 >= ${String(t.linearR2)}`,
      held: c.fit.r2 >= t.linearR2,
    },
    {
      id: 'critic-clean-gradient',
      paper: 'Sec. 3: the critic gives clean gradients everywhere, also at the generated samples.',
      measured: `at the generated samples: mean |f'| ${e(c.meanAbsSlope)} = ${f(c.meanAbsSlope / c.lipschitz)} K (K ${e(c.lipschitz)}, min/max |f'| ${f(c.slopeRatioAtSamples)}); d/dmu -E[f(g(z))] = ${e(c.gradient)} = ${f(c.gradientOverK)} K; estimate / K ${f(c.estimateOverK)} vs W1 ${f(results.w1)}`,
      criterion: `mean |f'| / K at the generated samples >= ${String(t.slopeOverK)}`,
      held: c.meanAbsSlope / c.lipschitz >= t.slopeOverK,
    },
  ];
}
