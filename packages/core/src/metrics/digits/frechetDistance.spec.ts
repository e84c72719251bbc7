import { Rng } from '../../random/Rng.js';
import { assertClose } from '../../testing/assertClose.js';
import test from 'ava';
import { featureMoments, frechetDistance, type FeatureMoments } from './frechetDistance.js';

const moments = (mean: number[], covariance: number[]): FeatureMoments => ({
  dimension: mean.length,
  mean: Float64Array.from(mean),
  covariance: Float64Array.from(covariance),
});

test('featureMoments: the corners of a 2x2 square have mean (1, 1) and unbiased variance 4/3, no covariance', (t) => {
  const m = featureMoments(Float32Array.from([0, 0, 2, 0, 0, 2, 2, 2]), 2);
  t.deepEqual([...m.mean], [1, 1]);
  // Each coordinate is 1 +- 1: sum of squares 4 over n - 1 = 3.
  [4 / 3, 0, 0, 4 / 3].forEach((c, i) => {
    assertClose(t, m.covariance[i] ?? Number.NaN, c, 1e-12);
  });
});

test('a set against itself is at distance 0, and against itself shifted by (3, 4, 0, ...) at 25', (t) => {
  const rng = new Rng(5);
  const d = 64;
  const rows = new Float32Array(300 * d).map(() => Math.tanh(rng.normal() + 0.3 * rng.normal()));
  const m = featureMoments(rows, d);
  assertClose(t, frechetDistance(m, m), 0, 1e-6);
  const shifted = rows.map((v, i) => v + (i % d === 0 ? 3 : i % d === 1 ? 4 : 0));
  assertClose(t, frechetDistance(m, featureMoments(shifted, d)), 25, 1e-4);
});

test('diagonal covariances: ||mu_a - mu_b||^2 + sum (sqrt a_i - sqrt b_i)^2', (t) => {
  const a = moments([0, 0, 0], [4, 0, 0, 0, 9, 0, 0, 0, 1]);
  const b = moments([1, -1, 2], [1, 0, 0, 0, 16, 0, 0, 0, 1]);
  // (1 + 1 + 4) + (2 - 1)^2 + (3 - 4)^2 + 0
  assertClose(t, frechetDistance(a, b), 8, 1e-9);
});

test('non-commuting 2x2 covariances: Tr (S_a S_b)^(1/2) = sqrt(Tr S_a S_b + 2 sqrt(det S_a det S_b))', (t) => {
  // S_a = [[2, 1], [1, 2]] (det 3), S_b = [[1, 0], [0, 4]] (det 4): S_a S_b = [[2, 4], [1, 8]], trace 10.
  const a = moments([0, 0], [2, 1, 1, 2]);
  const b = moments([1, 2], [1, 0, 0, 4]);
  const expected = 5 + (4 + 5) - 2 * Math.sqrt(10 + 2 * Math.sqrt(12));
  assertClose(t, frechetDistance(a, b), expected, 1e-9);
  assertClose(t, frechetDistance(b, a), expected, 1e-9);
  t.is(expected.toFixed(6), '5.771220');
});
