import type { Claim } from '../Claim.js';
import type { E8Results, E8Run } from './measureE8.js';

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : 'n/a');

/** Thresholds of the E8 claims. */
export const E8_THRESHOLDS = {
  /** Negative cosines near blow-ups at least this many times as common as elsewhere. */
  concentration: 2,
} as const;

const isAdam = (r: E8Run): boolean => r.label.startsWith('adam');

/**
 * Section 3's negative result on momentum, judged on E8's runs (labels starting "adam" are the
 * momentum variants, "rmsprop" the paper's choice; the last Adam has the largest beta1).
 */
export function e8Claims(results: E8Results): Claim[] {
  const { runs } = results;
  const rmsprop = runs.find((r) => r.label === 'rmsprop');
  const adams = runs.filter(isAdam);
  const adam = adams.at(-1);
  const finalW1 = (r: E8Run | undefined): number => r?.w1.at(-1)?.w1 ?? Number.NaN;
  const byRun = (label: (r: E8Run) => string): string => runs.map((r) => `${r.label}: ${label(r)}`).join('; ');
  const adamNear = adams.flatMap((r) => (Number.isFinite(r.negativeShareNear) ? [r.negativeShareNear] : []));
  const adamElsewhere = adams.flatMap((r) =>
    Number.isFinite(r.negativeShareElsewhere) ? [r.negativeShareElsewhere] : [],
  );
  const mean = (v: readonly number[]): number =>
    v.length === 0 ? Number.NaN : v.reduce((a, b) => a + b, 0) / v.length;
  return [
    {
      id: 'adam-unstable',
      paper:
        'Section 3: "WGAN training becomes unstable at times when one uses a momentum based optimizer such as Adam (with beta1 > 0) on the critic".',
      measured: `estimate blow-ups ${byRun((r) => String(r.blowUps.length))}`,
      criterion: 'the Adam with the largest beta1 blows up more often than RMSProp',
      held: adam !== undefined && rmsprop !== undefined && adam.blowUps.length > rmsprop.blowUps.length,
    },
    {
      id: 'rmsprop-step-follows-gradient',
      paper: 'Section 3: RMSProp, without momentum, "is known to perform well even on very nonstationary problems".',
      measured: `share of critic steps whose cosine with the negative gradient is below 0: ${byRun((r) => pct(r.negativeShare))}`,
      criterion:
        "RMSProp's share is exactly 0 (its step is -lr g / (sqrt(v) + eps), a positive rescaling of -g per weight)",
      held: rmsprop !== undefined && rmsprop.negativeShare === 0,
    },
    {
      id: 'negative-cosine-at-blow-ups',
      paper:
        'Section 3: "as the loss blew up and samples got worse, the cosine between the Adam step and the gradient usually turned negative. The only places where this cosine was negative was in these situations of instability."',
      measured: `Adam runs: negative cosines within the blow-ups' neighbourhoods ${byRun((r) => (isAdam(r) ? `${pct(r.negativeShareNear)} near, ${pct(r.negativeShareElsewhere)} elsewhere` : '-'))}`,
      criterion: `over the Adam runs, the mean share near blow-ups >= ${String(E8_THRESHOLDS.concentration)} x the mean share elsewhere (not held without blow-ups)`,
      held: adamNear.length > 0 && mean(adamNear) >= E8_THRESHOLDS.concentration * mean(adamElsewhere),
    },
    {
      id: 'rmsprop-no-worse',
      paper: 'Section 3: "We therefore switched to RMSProp".',
      measured: `final exact W1 ${byRun((r) => finalW1(r).toFixed(3))}`,
      criterion: "RMSProp's final W1 is at most every Adam's",
      held: rmsprop !== undefined && adams.length > 0 && adams.every((r) => finalW1(rmsprop) <= finalW1(r)),
    },
  ];
}
