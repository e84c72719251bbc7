import test from 'ava';
import { E5_THRESHOLDS, e5Claims } from './e5Claims.js';
import type { E5Point, E5Results, E5Run } from './measureE5.js';

const point = (frechet: number, covered: number, classKl: number): E5Point => ({
  iteration: 100,
  estimate: 1,
  frechet,
  covered,
  classKl,
  largestShare: 0.2,
  lipschitz: 1,
});

const run = (label: string, rho: number, last: E5Point): E5Run => ({
  label,
  objective: label,
  estimateName: label === 'wgan' ? 'W1*K' : 'JS lower bound',
  points: [point(50, 1, 2), last],
  rhoEstimateFrechet: rho,
  rhoEstimateOverKFrechet: rho,
  sheets: [],
  seconds: 1,
});

const results = (runs: E5Run[]): E5Results => ({
  classifier: { trainDigits: 9000, heldOutDigits: 1000, trainAccuracy: 0.97, heldOutAccuracy: 0.94, seconds: 1 },
  real: { frechet: 0.2, covered: 10, classKl: 0.01, largestShare: 0.11, sheet: 'samples/real.png' },
  runs,
});

const held = (r: E5Results): boolean[] => e5Claims(r).map((c) => c.held);

test('thresholds: rho 0.5 (as E4) and 9 of 10 classes', (t) => {
  t.deepEqual(E5_THRESHOLDS, { correlates: 0.5, classesCovered: 9 });
});

test('all five hold when WGAN tracks quality, covers 9 classes and beats a collapsed GAN', (t) => {
  t.deepEqual(held(results([run('wgan', 0.5, point(10, 9, 0.1)), run('gan', 0.49, point(20, 3, 1.2))])), [
    true,
    true,
    true,
    true,
    true,
  ]);
});

test('each claim fails on its own side of its threshold', (t) => {
  // rho 0.49 fails WGAN's claim; the GAN's rho of exactly 0.5 fails "not meaningful"; 8 classes
  // fail coverage; an equal class KL is not "more collapse"; an equal Frechet distance is not "better".
  t.deepEqual(held(results([run('wgan', 0.49, point(20, 8, 1.2)), run('gan', 0.5, point(20, 3, 1.2))])), [
    false,
    false,
    false,
    false,
    false,
  ]);
});

test('a missing objective fails every claim that reads it instead of passing on NaN', (t) => {
  t.deepEqual(held(results([run('gan', -0.2, point(20, 3, 1.2))])), [false, true, false, false, false]);
  t.deepEqual(held(results([run('wgan', 0.9, point(10, 10, 0.05))])), [true, false, true, false, false]);
});
