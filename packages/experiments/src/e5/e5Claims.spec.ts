import test from 'ava';
import { e5Claims } from './e5Claims.js';
import { e5Point as point, e5Results as results, e5Run as run } from './e5Results.spec.helper.js';
import { E5_THRESHOLDS } from './e5Rules.js';
import type { E5Results } from './measureE5.js';

const held = (r: E5Results): boolean[] => e5Claims(r).map((c) => c.held);

test('thresholds: rho 0.5 (as E4), 9 of 10 classes, and a Frechet distance of 10 for good samples', (t) => {
  t.deepEqual(E5_THRESHOLDS, { correlates: 0.5, classesCovered: 9, goodFrechet: 10 });
});

test('all five hold when WGAN tracks quality, covers 9 classes and beats a collapsed GAN', (t) => {
  const verdicts = held(results([run('wgan', 0.5, point(10, 9, 0.1)), run('gan', 0.49, point(20, 3, 1.2))]));
  t.deepEqual(verdicts, [true, true, true, true, true]);
});

test('each claim fails on its own side of its threshold', (t) => {
  // rho 0.49 fails WGAN's claim; the GAN's rho of exactly 0.5 fails "not meaningful"; 8 classes
  // fail coverage; an equal class KL is not "more collapse"; an equal Frechet distance is not "better".
  const verdicts = held(results([run('wgan', 0.49, point(20, 8, 1.2)), run('gan', 0.5, point(20, 3, 1.2))]));
  t.deepEqual(verdicts, [false, false, false, false, false]);
});

test('a missing objective fails every claim that reads it instead of passing on NaN', (t) => {
  t.deepEqual(held(results([run('gan', -0.2, point(20, 3, 1.2))])), [false, true, false, false, false]);
  t.deepEqual(held(results([run('wgan', 0.9, point(10, 10, 0.05))])), [true, false, true, false, false]);
});
