import test from 'ava';
import type { MeanSe } from '@ipmgan/report';
import { e7Claims, type E7Row } from './e7Claims.js';

const m = (mean: number): MeanSe => ({ mean, se: 0.01, n: 2 });
const row = (nCritic: number, first: number, final: number, rho: number): E7Row => ({
  nCritic,
  generatorIterations: 2000 / nCritic,
  firstW1: m(first),
  finalW1: m(final),
  rho: m(rho),
  msPerIteration: m(10),
});

const held = (rows: E7Row[]): boolean[] => e7Claims(rows).map((c) => c.held);

test('alternating works at a 20 % gain; n_critic 5 best; the largest n_critic more meaningful than 1', (t) => {
  t.deepEqual(held([row(1, 1, 0.8, 0.1), row(5, 1, 0.5, 0.5), row(25, 1, 0.6, 0.6), row(100, 1, 0.9, 0.7)]), [
    true,
    true,
    true,
  ]);
  // 0.81 of the first W1 is not a 20 % gain; a tie with n_critic 5 is not "lowest"; equal rho is not higher.
  t.deepEqual(held([row(1, 1, 0.81, 0.5), row(5, 1, 0.5, 0.5), row(100, 1, 0.5, 0.5)]), [false, false, false]);
});

test('missing n_critic 1 or 5 fails the claims about them', (t) => {
  t.deepEqual(held([row(25, 1, 0.5, 0.5), row(100, 1, 0.6, 0.6)]), [false, false, false]);
});
