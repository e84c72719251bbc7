import test from 'ava';
import { Rng } from '../random/Rng.js';
import { assertClose } from '../testing/assertClose.js';
import { evaluateSamples } from './evaluateSamples.js';
import { exactW1 } from './exactW1.js';
import { mmd2 } from './mmd2.js';
import { precisionRecall } from './precisionRecall.js';
import type { Points } from './Points.js';
import { slicedW1 } from './slicedW1.js';

function randomPoints(n: number, dim: number, rng: Rng): Points {
  return { n, dim, data: Float64Array.from({ length: n * dim }, () => rng.normal()) };
}

test('a translate by v: w1 = ||v||, slicedW1 and mmd2 as computed alone; no mode keys without modes', (t) => {
  const real = randomPoints(64, 2, new Rng(1));
  const generated: Points = { ...real, data: real.data.map((x, i) => x + (i % 2 === 0 ? 0.6 : -0.8)) };
  const metrics = evaluateSamples(generated, real, { projections: 16, bandwidths: [1, 2], rng: new Rng(5) });
  t.deepEqual(Object.keys(metrics), ['w1', 'slicedW1', 'mmd2', 'precision', 'recall', 'density', 'coverage']);
  assertClose(t, metrics.w1 ?? Number.NaN, 1, 1e-12);
  const { precision, recall, density, coverage } = precisionRecall(real, generated, 5);
  t.deepEqual(
    [metrics.precision, metrics.recall, metrics.density, metrics.coverage],
    [precision, recall, density, coverage],
  );
  t.is(metrics.slicedW1, slicedW1(generated, real, { projections: 16, rng: new Rng(5) }));
  t.is(metrics.mmd2, mmd2(generated, real, [1, 2]));
});

test('with modes: the mode keys of the generated samples', (t) => {
  const real = randomPoints(8, 2, new Rng(2));
  // Two samples on the first centre, one 10 std away from both: HQ 2/3, one mode of two covered, KL log 2.
  // By mass, the far sample (0, 5) is equally far from both centres and counts at the first (ties go to
  // the lower index): all 3 samples on mode 0, massKl = log 2, largest share 1.
  const generated: Points = { n: 3, dim: 2, data: Float64Array.from([1, 0, 1, 0, 0, 5]) };
  const modes = {
    centres: [
      [1, 0],
      [-1, 0],
    ],
    std: 0.5,
  };
  const metrics = evaluateSamples(generated, real, { projections: 4, bandwidths: [1], rng: new Rng(1), modes });
  t.deepEqual(Object.keys(metrics), [
    'w1',
    'slicedW1',
    'mmd2',
    'modesCovered',
    'highQuality',
    'reverseKl',
    'massKl',
    'largestShare',
  ]);
  t.is(metrics.modesCovered, 1);
  assertClose(t, metrics.massKl ?? Number.NaN, Math.log(2), 1e-15);
  t.is(metrics.largestShare, 1);
  assertClose(t, metrics.highQuality ?? Number.NaN, 2 / 3, 1e-15);
  assertClose(t, metrics.reverseKl ?? Number.NaN, Math.log(2), 1e-15);
  t.is(metrics.w1, exactW1(generated, real));
});
