import test from 'ava';
import { e5NoBatchNormClaims } from './e5NoBatchNormClaims.js';
import { e5Point as point, e5Results as results, e5Run as run } from './e5Results.spec.helper.js';
import type { E5Results } from './measureE5.js';

const held = (r: E5Results): boolean[] => e5NoBatchNormClaims(r).map((c) => c.held);

test('all three hold when WGAN covers 9 classes and the GAN is stuck on one', (t) => {
  const verdicts = held(results([run('wgan', 0, point(30, 9, 0.3)), run('gan', 0, point(60, 1, Math.log(10)))]));
  t.deepEqual(verdicts, [true, true, true]);
});

test('each claim fails on its own side of its threshold', (t) => {
  // WGAN: 8 classes; the GAN's digits good by the rule (9 classes, Frechet exactly 10); equal Frechet distances.
  const verdicts = held(results([run('wgan', 0, point(10, 8, 0.4)), run('gan', 0, point(10, 9, 0.2))]));
  t.deepEqual(verdicts, [false, false, false]);
});

test('the GAN fails to learn on either count: too few classes or too far from real digits', (t) => {
  const ganHeld = (last: ReturnType<typeof point>): boolean | undefined =>
    held(results([run('wgan', 0, point(30, 9, 0.3)), run('gan', 0, last)]))[1];
  t.true(ganHeld(point(5, 8, 0.5)));
  t.true(ganHeld(point(10.01, 10, 0.02)));
  t.false(ganHeld(point(9.99, 10, 0.02)));
});

test('a missing objective fails every claim that reads it instead of passing on NaN', (t) => {
  t.deepEqual(held(results([run('wgan', 0, point(30, 10, 0.1))])), [true, false, false]);
  t.deepEqual(held(results([run('gan', 0, point(60, 1, 2.3))])), [false, true, false]);
});

test('ids', (t) => {
  t.deepEqual(
    e5NoBatchNormClaims(results([])).map((c) => c.id),
    ['wgan-nobn-produces-samples', 'gan-nobn-fails-to-learn', 'wgan-nobn-better-than-gan'],
  );
});
