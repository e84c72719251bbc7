import test from 'ava';
import { E9_THRESHOLDS, e9Claims } from './e9Claims.js';
import type { E9Generator, E9Results } from './measureE9.js';

function generator(w1: number, lipschitz: number, estimateOverK = w1): E9Generator {
  const estimate = estimateOverK * lipschitz;
  return { training: 'wgan', iteration: 1, estimate, lipschitz, estimateOverK, w1, finalCriticLoss: -estimate };
}

const results = (generators: E9Generator[], rho: number, rhoOverK: number): E9Results => ({
  generators,
  rhoEstimateW1: rho,
  rhoEstimateOverKW1: rhoOverK,
  trainingSeconds: 1,
  criticSeconds: 1,
});

const held = (r: E9Results): boolean[] => e9Claims(r).map((c) => c.held);

test('the thresholds fixed in code', (t) => {
  t.deepEqual(E9_THRESHOLDS, { w1Spread: 1.5, rankRho: 0.8, lipschitzSpread: 2 });
});

test('generators 1.5x apart, rho 0.8 both ways and K 2x apart hold every claim (the boundaries are inclusive)', (t) => {
  const g = [generator(1, 1e-3), generator(1.25, 2e-3), generator(1.5, 1.5e-3)];
  t.deepEqual(held(results(g, 0.8, 0.8)), [true, true, true, true]);
  t.deepEqual(
    e9Claims(results(g, 0.8, 0.8)).map((c) => c.id),
    [
      'generators-differ',
      'raw-estimate-ranks-generators',
      'estimate-over-K-ranks-generators',
      'K-nearly-constant-across-generators',
    ],
  );
});

test('just past each boundary fails its claim alone', (t) => {
  const close = [generator(1, 1e-3), generator(1.25, 1e-3), generator(1.499, 1e-3)];
  t.deepEqual(held(results(close, 1, 1)), [false, true, true, true]);
  const spread = [generator(1, 1e-3), generator(1.25, 1e-3), generator(1.5, 2.001e-3)];
  t.deepEqual(held(results(spread, 1, 1)), [true, true, true, false]);
  const g = [generator(1, 1e-3), generator(1.25, 1e-3), generator(1.5, 1e-3)];
  t.deepEqual(held(results(g, 0.79, 1)), [true, false, true, true]);
  t.deepEqual(held(results(g, 1, 0.79)), [true, true, false, true]);
  t.deepEqual(held(results(g, Number.NaN, Number.NaN)), [true, false, false, true]);
});

test('fewer than three generators hold nothing to rank', (t) => {
  t.false(e9Claims(results([generator(1, 1e-3), generator(2, 1e-3)], 1, 1))[0]?.held);
});
