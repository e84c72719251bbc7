import type { Claim } from '../Claim.js';
import type { E9Results } from './measureE9.js';

const f = (x: number, digits = 3): string => x.toFixed(digits);
const e = (x: number): string => x.toExponential(2);

/** Thresholds of the E9 claims. */
export const E9_THRESHOLDS = {
  /** Exact W1 of the worst generator over the best at least this: there is a ranking to recover. */
  w1Spread: 1.5,
  /** Spearman rho across generators, raw estimate and estimate / K, against exact W1. */
  rankRho: 0.8,
  /** The fresh critics' K within this factor (max / min) across generators: the "universal error". */
  lipschitzSpread: 2,
} as const;

const QUESTION =
  'The read-through (open questions): "Given a fixed critic architecture and fixed c for clamping, can we quantitatively compare different generators by computing the Wasserstein estimate of both?"';

/** The fixed critic as a ruler of generators, judged on an E9's generators. */
export function e9Claims(results: E9Results): Claim[] {
  const t = E9_THRESHOLDS;
  const { generators } = results;
  const w1 = generators.map((g) => g.w1);
  const k = generators.map((g) => g.lipschitz);
  const w1Spread = Math.max(...w1) / Math.min(...w1);
  const kSpread = Math.max(...k) / Math.min(...k);
  return [
    {
      id: 'generators-differ',
      paper: `${QUESTION} The question needs generators of different quality.`,
      measured: `exact W1 from ${f(Math.min(...w1))} to ${f(Math.max(...w1))} over ${String(generators.length)} generators (max / min ${f(w1Spread, 2)})`,
      criterion: `max / min exact W1 >= ${String(t.w1Spread)}`,
      held: generators.length >= 3 && w1Spread >= t.w1Spread,
    },
    {
      id: 'raw-estimate-ranks-generators',
      paper: `${QUESTION} The raw estimate is K * W1 with K fixed by the architecture and c.`,
      measured: `Spearman rho(estimate, exact W1) across generators ${f(results.rhoEstimateW1, 2)}`,
      criterion: `rho >= ${String(t.rankRho)}`,
      held: results.rhoEstimateW1 >= t.rankRho,
    },
    {
      id: 'estimate-over-K-ranks-generators',
      paper:
        'The read-through: "the critic objective converges to K * W(P_r, P_theta), so dividing by K would normalize" it.',
      measured: `Spearman rho(estimate / K, exact W1) across generators ${f(results.rhoEstimateOverKW1, 2)}`,
      criterion: `rho >= ${String(t.rankRho)}`,
      held: results.rhoEstimateOverKW1 >= t.rankRho,
    },
    {
      id: 'K-nearly-constant-across-generators',
      paper:
        'The read-through: "the hope is that most of the error is some universal error that appears in all distributions"; "the change in estimated K between different distributions would show how important the distribution is".',
      measured: `the fresh critics' K from ${e(Math.min(...k))} to ${e(Math.max(...k))} (max / min ${f(kSpread, 2)})`,
      criterion: `max / min K <= ${String(t.lipschitzSpread)}`,
      held: generators.length >= 2 && kSpread <= t.lipschitzSpread,
    },
  ];
}
