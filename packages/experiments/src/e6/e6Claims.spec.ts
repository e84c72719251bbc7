import test from 'ava';
import { assertClose } from '@ipmgan/core/testing';
import { E6_THRESHOLDS, e6Claims, gradientRatio } from './e6Claims.js';
import type { E6Point, E6Results, E6Run } from './measureE6.js';

function run(clip: number | null, layerGradients: number[], last: Partial<E6Point> = {}, rho = 0.8): E6Run {
  const point: E6Point = {
    iteration: 100,
    layerGradients,
    estimate: clip ?? 1,
    lipschitz: (clip ?? 0.1) * 10,
    estimateOverK: 0.1,
    w1: 0.3,
    atBound: 0.5,
    ...last,
  };
  return {
    clip,
    label: clip === null ? 'wgan-gp (lambda 10)' : `c = ${String(clip)}`,
    points: [{ ...point, iteration: 50, layerGradients: [1, 1] }, point],
    rhoEstimateW1: rho,
    seconds: 1,
  };
}

const held = (r: E6Results): boolean[] => e6Claims(r).map((c) => c.held);

test('gradient ratio: the input layer over the output layer at the last measurement', (t) => {
  assertClose(t, gradientRatio(run(0.01, [0.02, 5, 0.2])), 0.1, 1e-15);
});

test('a textbook sweep holds every claim', (t) => {
  const r = {
    penalty: null,
    runs: [
      run(0.001, [1e-6, 1e-4, 1e-3], { estimate: 1e-4, w1: 0.9, estimateOverK: 0.2 }),
      run(0.01, [1e-2, 1e-2, 1e-2], { estimate: 1e-3, w1: 0.3, estimateOverK: 0.25 }),
      run(0.1, [100, 10, 1], { estimate: 1e-2, w1: 0.2, estimateOverK: 0.3 }),
    ],
  };
  t.deepEqual(held(r), [true, true, true, true, true]);
});

test('thresholds at their boundaries: ratio 0.1 vanishes, 10 explodes, spreads 100 and 3, rho 0.5', (t) => {
  t.deepEqual(E6_THRESHOLDS, {
    vanishingRatio: 0.1,
    explodingRatio: 10,
    estimateSpread: 100,
    overKSpread: 3,
    meaningfulRho: 0.5,
    paperClip: 0.01,
    penaltyBand: 10,
  });
  const r = {
    penalty: null,
    runs: [
      run(0.001, [0.1, 1], { estimate: 1e-4, estimateOverK: 0.1, w1: 0.5 }),
      run(0.01, [1, 1], { estimate: 1e-3, estimateOverK: 0.3, w1: 0.5 }, 0.5),
      run(0.1, [10, 1], { estimate: 1e-2, estimateOverK: 0.2, w1: 0.4 }),
    ],
  };
  // W1 0.5 at 0.01 is not below the smallest c's 0.5: the slowest claim fails.
  t.deepEqual(held(r), [true, true, true, false, true]);
  const worse = {
    penalty: null,
    runs: [
      run(0.001, [0.11, 1], { estimate: 1e-4, estimateOverK: 0.1, w1: 0.9 }),
      run(0.01, [1, 1], { estimate: 1e-3, estimateOverK: 0.31 }, 0.49),
      run(0.1, [9.9, 1], { estimate: 0.99e-2, estimateOverK: 0.2 }),
    ],
  };
  t.deepEqual(held(worse), [false, false, false, true, false]);
});

test('an estimate / K of 0 or below (a critic that cannot tell the samples apart) fails the K claim', (t) => {
  const overK = (values: number[]): boolean | undefined =>
    e6Claims({
      penalty: null,
      runs: values.map((v, i) =>
        run([0.001, 0.01, 0.1][i] ?? 1, [1, 1], { estimate: 10 ** (i * 2 - 4), estimateOverK: v }),
      ),
    })[2]?.held;
  t.true(overK([0.2, 0.3, 0.4]));
  t.false(overK([0, 0.3, 0.4]));
  t.false(overK([-0.0001, -0.0001, 0.4]));
});

test('without c = 0.01 the paper-c claim fails instead of passing', (t) => {
  t.false(e6Claims({ penalty: null, runs: [run(0.001, [1, 1]), run(0.1, [1, 1])] })[4]?.held);
});

test('with the gradient penalty beside the clipping: its input / output ratio must lie strictly within (1/10, 10)', (t) => {
  const clipped = [run(0.001, [1e-6, 1e-4, 1e-3]), run(0.01, [1e-2, 1e-2]), run(0.1, [100, 10, 1])];
  const claim = (layerGradients: number[]) => e6Claims({ runs: clipped, penalty: run(null, layerGradients) })[5];
  // 0.3 / 0.5 = 0.6: within the band, where c = 0.001 vanished (1e-3) and c = 0.1 exploded (100).
  const inBand = claim([0.3, 2, 0.5]);
  t.is(inBand?.id, 'penalty-gradients-neither-vanish-nor-explode');
  t.true(inBand?.held);
  t.regex(
    inBand?.measured ?? '',
    /wgan-gp \(lambda 10\): 6\.00e-1 \(per layer 3\.00e-1, 2\.00e\+0, 5\.00e-1\); c 0\.001: 1\.00e-3; c 0\.01: 1\.00e\+0; c 0\.1: 1\.00e\+2$/,
  );
  // 9.99 / 1 and 0.101 / 1 are inside; 10 / 1 and 0.1 / 1 are the clipping claims' exploding and vanishing.
  t.true(claim([9.99, 1])?.held);
  t.true(claim([0.101, 1])?.held);
  t.false(claim([10, 1])?.held);
  t.false(claim([0.1, 1])?.held);
  // A layer in between does not enter the ratio: 1e-6 in the middle, 1 at both ends, holds.
  t.true(claim([1, 1e-6, 1])?.held);
  // NaN gradients (a failed measurement) do not pass.
  t.false(claim([Number.NaN, 1])?.held);
});

test('without @ipmgan/gradient-penalty the penalty claim is absent (not judged), the five clipping claims unchanged', (t) => {
  const clipped = [run(0.001, [1e-6, 1e-3]), run(0.01, [1, 1]), run(0.1, [100, 1])];
  t.deepEqual(
    e6Claims({ runs: clipped, penalty: null }).map((c) => c.held),
    e6Claims({ runs: clipped, penalty: run(null, [1, 1]) })
      .slice(0, 5)
      .map((c) => c.held),
  );
  t.is(e6Claims({ runs: clipped, penalty: null }).length, 5);
});
