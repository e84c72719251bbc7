import type { E5Point, E5Results, E5Run } from './measureE5.js';

/** Hand-made E5 results for the claim specs (e5Claims, e5DcganClaims, e5NoBatchNormClaims). */

/** A measurement at iteration 100 with the given quality (estimate 1, K 1, largest share 0.2). */
export const e5Point = (frechet: number, covered: number, classKl: number): E5Point => ({
  iteration: 100,
  estimate: 1,
  frechet,
  covered,
  classKl,
  largestShare: 0.2,
  lipschitz: 1,
});

/** A run labelled `label` whose estimate has rank correlation `rho` with quality and whose last measurement is `last`. */
export const e5Run = (label: string, rho: number, last: E5Point): E5Run => ({
  label,
  objective: label,
  estimateName: label === 'wgan' ? 'W1*K' : 'JS lower bound',
  points: [e5Point(50, 1, 2), last],
  rhoEstimateFrechet: rho,
  rhoEstimateOverKFrechet: rho,
  sheets: [],
  seconds: 1,
});

/** `runs` beside a classifier and real digits as E5 measures them (Frechet 0.2, 10 classes). */
export const e5Results = (runs: E5Run[]): E5Results => ({
  classifier: { trainDigits: 9000, heldOutDigits: 1000, trainAccuracy: 0.97, heldOutAccuracy: 0.94, seconds: 1 },
  real: { frechet: 0.2, covered: 10, classKl: 0.01, largestShare: 0.11, sheet: 'samples/real.png' },
  runs,
});
