import type { Claim } from '../Claim.js';
import type { E5Results, E5Run } from './measureE5.js';

/** Every threshold that decides an E5 claim (all three figures' lists), fixed here so every run is judged by the same rule. */
export const E5_THRESHOLDS = {
  /** "The loss correlates with sample quality": rho(estimate, Frechet distance) at least this (E4's rule). */
  correlates: 0.5,
  /** "Still was able to produce samples": at the last measurement at least this many of 10 classes covered. */
  classesCovered: 9,
  /**
   * "High quality samples" (Figure 6) also need a Frechet distance to real digits of at most this: an untrained
   * generator's digits lie at 70-75, real digits at 0.4 (1,000 training digits against the held-out ones).
   */
  goodFrechet: 10,
} as const;

/** A claim's id and what the paper says, with where; the rule comes from e5Rules. */
export interface E5Said {
  readonly id: string;
  readonly paper: string;
}

const f = (x: number | undefined, digits = 2): string => (x === undefined ? '?' : x.toFixed(digits));
const nan = Number.NaN;
const runOf = (results: E5Results, label: string): E5Run | undefined => results.runs.find((r) => r.label === label);

/** The last measurement's coverage and Frechet distance, beside the real digits'. */
function lastQuality(results: E5Results, label: string): string {
  const last = runOf(results, label)?.points.at(-1);
  return `${label.toUpperCase()}'s last measurement: ${String(last?.covered ?? '?')} of 10 classes covered, class KL ${f(last?.classKl, 3)}, Frechet distance ${f(last?.frechet)} (real digits: ${String(results.real.covered)}, ${f(results.real.classKl, 3)}, ${f(results.real.frechet)})`;
}

/** Good samples by E5_THRESHOLDS: classes covered and the Frechet distance at the last measurement; false without one. */
function goodAtLast(run: E5Run | undefined): boolean {
  const last = run?.points.at(-1);
  return (last?.covered ?? nan) >= E5_THRESHOLDS.classesCovered && (last?.frechet ?? nan) <= E5_THRESHOLDS.goodFrechet;
}

/**
 * E5's rules, each a claim about the runs of `results` named by their labels (wgan, gan), given the paper's
 * words by a figure's claim list (e5Claims, e5DcganClaims, e5NoBatchNormClaims). A missing run or measurement
 * fails the claim instead of passing on NaN.
 */
export const e5Rules = {
  /** The run's estimate falls as the Frechet distance falls: rho(estimate, Frechet) >= correlates. */
  estimateTracksQuality(said: E5Said, results: E5Results, label: string): Claim {
    const run = runOf(results, label);
    return {
      ...said,
      measured: `rho(${run?.estimateName ?? label} estimate, Frechet distance) = ${f(run?.rhoEstimateFrechet)} over ${String(run?.points.length ?? 0)} measurements (estimate / K: ${f(run?.rhoEstimateOverKFrechet)})`,
      criterion: `rho >= ${String(E5_THRESHOLDS.correlates)}`,
      held: (run?.rhoEstimateFrechet ?? nan) >= E5_THRESHOLDS.correlates,
    };
  },
  /** The run's estimate does not track quality: rho(estimate, Frechet) < correlates. */
  estimateIgnoresQuality(said: E5Said, results: E5Results, label: string): Claim {
    const run = runOf(results, label);
    return {
      ...said,
      measured: `rho(${run?.estimateName ?? label} estimate, Frechet distance) = ${f(run?.rhoEstimateFrechet)} over ${String(run?.points.length ?? 0)} measurements`,
      criterion: `rho < ${String(E5_THRESHOLDS.correlates)}`,
      held: (run?.rhoEstimateFrechet ?? nan) < E5_THRESHOLDS.correlates,
    };
  },
  /** The run produces digits of (nearly) every class at its last measurement. */
  coversDigits(said: E5Said, results: E5Results, label: string): Claim {
    const last = runOf(results, label)?.points.at(-1);
    return {
      ...said,
      measured: lastQuality(results, label),
      criterion: `classes covered >= ${String(E5_THRESHOLDS.classesCovered)}`,
      held: (last?.covered ?? nan) >= E5_THRESHOLDS.classesCovered,
    };
  },
  /** The run's last samples are good: they cover the classes and lie near real digits. */
  goodSamples(said: E5Said, results: E5Results, label: string): Claim {
    return {
      ...said,
      measured: lastQuality(results, label),
      criterion: `classes covered >= ${String(E5_THRESHOLDS.classesCovered)} and Frechet distance <= ${String(E5_THRESHOLDS.goodFrechet)}`,
      held: goodAtLast(runOf(results, label)),
    };
  },
  /** The run failed to learn: its last samples are not good by goodSamples' rule (a measured run only). */
  failsToLearn(said: E5Said, results: E5Results, label: string): Claim {
    const run = runOf(results, label);
    return {
      ...said,
      measured: lastQuality(results, label),
      criterion: `classes covered < ${String(E5_THRESHOLDS.classesCovered)} or Frechet distance > ${String(E5_THRESHOLDS.goodFrechet)} (not good samples)`,
      held: run?.points.at(-1) !== undefined && !goodAtLast(run),
    };
  },
  /** The GAN's last class histogram is further from uniform than WGAN's. */
  ganCollapsesMore(said: E5Said, results: E5Results): Claim {
    const wganLast = runOf(results, 'wgan')?.points.at(-1);
    const ganLast = runOf(results, 'gan')?.points.at(-1);
    return {
      ...said,
      measured: `class KL to uniform at the last measurement: GAN ${f(ganLast?.classKl, 3)} vs WGAN ${f(wganLast?.classKl, 3)}; largest class share GAN ${f(ganLast?.largestShare, 3)} vs WGAN ${f(wganLast?.largestShare, 3)}`,
      criterion: "the GAN's class KL is above WGAN's",
      held: (ganLast?.classKl ?? nan) > (wganLast?.classKl ?? nan),
    };
  },
  /** WGAN's last samples lie nearer real digits than the GAN's. */
  wganBetterThanGan(said: E5Said, results: E5Results): Claim {
    const wganLast = runOf(results, 'wgan')?.points.at(-1);
    const ganLast = runOf(results, 'gan')?.points.at(-1);
    return {
      ...said,
      measured: `Frechet distance at the last measurement: WGAN ${f(wganLast?.frechet)} vs GAN ${f(ganLast?.frechet)} (real digits: ${f(results.real.frechet)})`,
      criterion: "WGAN's Frechet distance is below the GAN's",
      held: (wganLast?.frechet ?? nan) < (ganLast?.frechet ?? nan),
    };
  },
};
