import test from 'ava';
import { e5DcganClaims } from './e5DcganClaims.js';
import { e5Point as point, e5Results as results, e5Run as run } from './e5Results.spec.helper.js';
import type { E5Results } from './measureE5.js';

const held = (r: E5Results): boolean[] => e5DcganClaims(r).map((c) => c.held);

test('all four hold when WGAN tracks quality, the JS estimate does not, and both give good digits at the thresholds', (t) => {
  // rho 0.5 and a Frechet distance of exactly 10 with 9 classes are on the holding side of their rules.
  const verdicts = held(results([run('wgan', 0.5, point(10, 9, 0.1)), run('gan', 0.49, point(9.99, 10, 0.05))]));
  t.deepEqual(verdicts, [true, true, true, true]);
});

test('each claim fails on its own side of its threshold', (t) => {
  // WGAN: rho 0.49, 10 classes but Frechet 10.01; the GAN: rho exactly 0.5, Frechet 5 but only 8 classes.
  const verdicts = held(results([run('wgan', 0.49, point(10.01, 10, 0.1)), run('gan', 0.5, point(5, 8, 0.3))]));
  t.deepEqual(verdicts, [false, false, false, false]);
});

test('a missing objective fails every claim that reads it instead of passing on NaN', (t) => {
  t.deepEqual(held(results([run('wgan', 0.9, point(3, 10, 0.02))])), [true, false, true, false]);
  t.deepEqual(held(results([run('gan', 0.1, point(3, 10, 0.02))])), [false, true, false, true]);
});

test('ids, and the numbers a good-samples claim reports beside the real digits', (t) => {
  const claims = e5DcganClaims(
    results([run('wgan', 0.62, point(7.5, 9, 0.125)), run('gan', 0.1, point(12, 10, 0.05))]),
  );
  t.deepEqual(
    claims.map((c) => c.id),
    ['wgan-meaningful-loss-dcgan', 'gan-js-not-meaningful-dcgan', 'wgan-dcgan-good-samples', 'gan-dcgan-good-samples'],
  );
  t.is(claims[0]?.measured, 'rho(W1*K estimate, Frechet distance) = 0.62 over 2 measurements (estimate / K: 0.62)');
  t.is(
    claims[2]?.measured,
    "WGAN's last measurement: 9 of 10 classes covered, class KL 0.125, Frechet distance 7.50 (real digits: 10, 0.010, 0.20)",
  );
  t.is(claims[3]?.criterion, 'classes covered >= 9 and Frechet distance <= 10');
});
