import type { Claim } from '../Claim.js';
import type { MeanSe } from '@ipmgan/report';
import { formatMeanSe } from '@ipmgan/report';

/** One n_critic of E7: mean ± se over seeds. */
export interface E7Row {
  readonly nCritic: number;
  readonly generatorIterations: number;
  /** Exact W1 at the first and at the last evaluation. */
  readonly firstW1: MeanSe | null;
  readonly finalW1: MeanSe | null;
  /** Spearman rho of the estimate with exact W1 over each run's evaluations. */
  readonly rho: MeanSe | null;
  readonly msPerIteration: MeanSe | null;
}

/** Thresholds of the E7 claims. */
export const E7_THRESHOLDS = {
  /** "Alternating works": n_critic = 1 lowers exact W1 by at least this fraction from its first evaluation. */
  alternatingGain: 0.2,
  /** The paper's n_critic. */
  paperNCritic: 5,
} as const;

const mean = (m: MeanSe | null | undefined): number => m?.mean ?? Number.NaN;

/** The critic-iterations claims at an equal critic-step budget, on E7's rows (ascending n_critic). */
export function e7Claims(rows: readonly E7Row[]): Claim[] {
  const t = E7_THRESHOLDS;
  const one = rows.find((r) => r.nCritic === 1);
  const paper = rows.find((r) => r.nCritic === t.paperNCritic);
  const most = rows.at(-1);
  const list = (f: (r: E7Row) => string): string =>
    rows.map((r) => `n_critic ${String(r.nCritic)}: ${f(r)}`).join('; ');
  return [
    {
      id: 'alternating-works',
      paper: 'The read-through: "can a simple alternating gradient scheme work?" (one critic step per generator step).',
      measured: `n_critic 1: exact W1 ${formatMeanSe(one?.firstW1, 3)} at the first evaluation, ${formatMeanSe(one?.finalW1, 3)} at the last`,
      criterion: `final W1 <= (1 - ${String(t.alternatingGain)}) x first W1 at n_critic 1`,
      held: mean(one?.finalW1) <= (1 - t.alternatingGain) * mean(one?.firstW1),
    },
    {
      id: 'paper-n-critic-best',
      paper: 'Algorithm 1 (n_critic = 5) against the extremes, at the same number of critic steps.',
      measured: `final exact W1 ${list((r) => formatMeanSe(r.finalW1, 3))}`,
      criterion: `n_critic ${String(t.paperNCritic)} has the lowest mean final W1`,
      held: paper !== undefined && rows.every((r) => r === paper || mean(paper.finalW1) < mean(r.finalW1)),
    },
    {
      id: 'converged-critic-meaningful',
      paper:
        'Section 3 and the read-through: the more the critic is trained, the more reliable its estimate of W (we "can and should train the critic till optimality").',
      measured: `Spearman rho(estimate, exact W1) over each run ${list((r) => formatMeanSe(r.rho, 2))}`,
      criterion: 'the largest n_critic has a higher mean rho than n_critic 1',
      held: most !== undefined && one !== undefined && most !== one && mean(most.rho) > mean(one.rho),
    },
  ];
}
