import type { Claim } from '../Claim.js';
import type { E6Results, E6Run } from './measureE6.js';

const e = (x: number): string => x.toExponential(2);
const f = (x: number, digits = 3): string => x.toFixed(digits);

/** Thresholds of the E6 claims. */
export const E6_THRESHOLDS = {
  /** Input layer's gradient norm over the output layer's at most this at the smallest c: vanishing. */
  vanishingRatio: 0.1,
  /** ... at least this at the largest c: exploding. */
  explodingRatio: 10,
  /** The raw estimate grows at least this much from the smallest to the largest c ... */
  estimateSpread: 100,
  /** ... while estimate / K stays within this factor (max / min) across c. */
  overKSpread: 3,
  /** Spearman rho of the estimate with exact W1 over training at the paper's c = 0.01, as E4. */
  meaningfulRho: 0.5,
  /** The paper's clipping value. */
  paperClip: 0.01,
  /**
   * With the gradient penalty the same ratio stays strictly within this factor of 1 either way:
   * above the vanishing bound (1/10) and below the exploding one (10) of the clipping claims.
   */
  penaltyBand: 10,
} as const;

/** Input layer's gradient norm over the output layer's at a run's last measurement. */
export function gradientRatio(run: E6Run): number {
  const g = run.points.at(-1)?.layerGradients ?? [];
  return (g[0] ?? Number.NaN) / (g.at(-1) ?? Number.NaN);
}

const last = (run: E6Run | undefined) => run?.points.at(-1);

/**
 * Weight clipping's trade-off, judged on the clipped runs of an E6 (ascending c); and, when
 * WGAN-GP ran beside them, whether its gradients stay within the band clipping leaves
 * (not judged, so absent, when @ipmgan/gradient-penalty is not installed).
 */
export function e6Claims(results: E6Results): Claim[] {
  const t = E6_THRESHOLDS;
  const { runs, penalty } = results;
  const small = runs[0];
  const large = runs.at(-1);
  const byC = (label: (r: E6Run) => string): string => runs.map((r) => `c ${String(r.clip)}: ${label(r)}`).join('; ');
  const estimates = runs.map((r) => last(r)?.estimate ?? Number.NaN);
  const overK = runs.map((r) => last(r)?.estimateOverK ?? Number.NaN);
  const w1 = runs.map((r) => last(r)?.w1 ?? Number.NaN);
  const paper = runs.find((r) => r.clip === t.paperClip);
  return [
    {
      id: 'small-c-vanishing-gradients',
      paper:
        'Section 3: "If the clipping is small, this can easily lead to vanishing gradients when the number of layers is big".',
      measured: `||dL/dW_1|| / ||dL/dW_out|| at the last measurement: ${byC((r) => e(gradientRatio(r)))}`,
      criterion: `at the smallest c the ratio <= ${String(t.vanishingRatio)}`,
      held: small !== undefined && gradientRatio(small) <= t.vanishingRatio,
    },
    {
      id: 'large-c-exploding-gradients',
      paper: 'The slides and WGAN-GP (Fig. 1b): "vanishing or exploding gradients when c is not tuned".',
      measured: `the same ratio: ${byC((r) => e(gradientRatio(r)))}`,
      criterion: `at the largest c the ratio >= ${String(t.explodingRatio)}`,
      held: large !== undefined && gradientRatio(large) >= t.explodingRatio,
    },
    {
      id: 'estimate-over-K-absorbs-c',
      paper:
        'Section 3 and the read-through: the clipped critic estimates K * W with K set by c and the architecture; dividing by K removes it.',
      measured: `final estimate ${byC((r) => e(last(r)?.estimate ?? Number.NaN))}; estimate / K ${byC((r) => f(last(r)?.estimateOverK ?? Number.NaN))}`,
      criterion: `estimate(largest c) / estimate(smallest c) >= ${String(t.estimateSpread)} while every estimate / K is positive and their max / min <= ${String(t.overKSpread)}`,
      held:
        (estimates.at(-1) ?? Number.NaN) / (estimates[0] ?? Number.NaN) >= t.estimateSpread &&
        overK.every((v) => v > 0) &&
        Math.max(...overK) / Math.min(...overK) <= t.overKSpread,
    },
    {
      id: 'small-c-trains-slowest',
      paper: 'Section 3: with small clipping the vanishing gradients make learning slow (the trade-off of c).',
      measured: `final exact W1 ${byC((r) => f(last(r)?.w1 ?? Number.NaN))}`,
      criterion: 'the smallest c has the largest final W1',
      held: w1.length >= 2 && w1.slice(1).every((v) => v < (w1[0] ?? Number.NaN)),
    },
    {
      id: 'estimate-tracks-w1-at-paper-c',
      paper: "Section 4.3: at the paper's c = 0.01, the estimate correlates with sample quality (E4).",
      measured: `Spearman rho(estimate, exact W1) over training ${byC((r) => f(r.rhoEstimateW1, 2))}`,
      criterion: `rho >= ${String(t.meaningfulRho)} at c = ${String(t.paperClip)} (not held if 0.01 is not among the clips)`,
      held: paper !== undefined && paper.rhoEstimateW1 >= t.meaningfulRho,
    },
    ...(penalty === null
      ? []
      : [
          {
            id: 'penalty-gradients-neither-vanish-nor-explode',
            paper:
              'WGAN-GP (Gulrajani et al. 2017), Fig. 1b: the gradient norms of a deep WGAN critic vanish or explode across its layers with weight clipping at c in {0.1, 0.01, 0.001}, but not with the gradient penalty.',
            measured: `||dL/dW_1|| / ||dL/dW_out|| at the last measurement (the clipping claims' quantity, the WGAN critic loss without the penalty term): ${penalty.label}: ${e(gradientRatio(penalty))} (per layer ${(last(penalty)?.layerGradients ?? []).map(e).join(', ')}); ${byC((r) => e(gradientRatio(r)))}`,
            criterion: `with the penalty 1/${String(t.penaltyBand)} < ratio < ${String(t.penaltyBand)}: neither the vanishing (<= ${String(t.vanishingRatio)}) nor the exploding (>= ${String(t.explodingRatio)}) of the clipping claims`,
            held: gradientRatio(penalty) > 1 / t.penaltyBand && gradientRatio(penalty) < t.penaltyBand,
          },
        ]),
  ];
}
