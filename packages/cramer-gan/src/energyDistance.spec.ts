import { tf } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import { assertClose, readNumbers } from '@ipmgan/core/testing';
import test from 'ava';
import { energyDistance, energyWitness } from './energyDistance.js';

test.before(async () => {
  await useBackend('cpu');
});

const column = (values: readonly number[]): tf.Tensor2D => tf.tensor2d([...values], [values.length, 1]);

/** 2 * integral (F - G)^2 of the two empirical CDFs: the 1-D Cramer distance l2^2, twice. */
function twiceCramer(x: readonly number[], y: readonly number[]): number {
  const points = [...x, ...y].sort((a, b) => a - b);
  const cdf = (s: readonly number[], at: number) => s.filter((v) => v <= at).length / s.length;
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a = 0, b = 0] = [points[i], points[i + 1]];
    total += (b - a) * (cdf(x, a) - cdf(y, a)) ** 2;
  }
  return 2 * total;
}

test('x = {0, 1}, y = {3}: 2 (3 + 2)/2 - (0 + 1 + 1 + 0)/4 - 0 = 4.5, twice the area (1/2)^2 * 1 + 1^2 * 2', (t) => {
  const value = readNumbers(energyDistance(column([0, 1]), column([3])))[0] ?? Number.NaN;
  assertClose(t, value, 4.5, 1e-5);
  assertClose(t, twiceCramer([0, 1], [3]), 4.5, 1e-12);
});

test('in 1-D it is twice the Cramer distance between the empirical CDFs (Szekely), on uneven sets', (t) => {
  const x = [-1.5, 0.25, 2, 3.5, 0.75];
  const y = [1, -0.5, 4, 2.25];
  const expected = twiceCramer(x, y);
  t.true(expected > 0.2, `a case far from 0 (0.30125): ${String(expected)}`);
  assertClose(t, readNumbers(energyDistance(column(x), column(y)))[0] ?? Number.NaN, expected, 1e-5);
});

test('2-D points use the Euclidean norm: x = {(0, 0)}, y = {(3, 4), (0, 0)}', (t) => {
  // E||x - y|| = (5 + 0)/2, E||x - x'|| = 0, E||y - y'|| = (0 + 5 + 5 + 0)/4: 5 - 0 - 2.5 = 2.5.
  const y = tf.tensor2d([
    [3, 4],
    [0, 0],
  ]);
  assertClose(t, readNumbers(energyDistance(tf.tensor2d([[0, 0]]), y))[0] ?? Number.NaN, 2.5, 1e-5);
});

test('a sample against itself is exactly 0', (t) => {
  const x = tf.randomNormal<tf.Rank.R2>([32, 5], 0, 1, 'float32', 3);
  t.is(readNumbers(energyDistance(x, x))[0], 0);
  x.dispose();
});

test('the witness: mean over x minus mean over y is the energy distance; by hand at h = 2', (t) => {
  const x = [-1.5, 0.25, 2, 3.5, 0.75];
  const y = [1, -0.5, 4, 2.25];
  const onX = readNumbers(energyWitness(column(x), column(x), column(y)));
  const onY = readNumbers(energyWitness(column(y), column(x), column(y)));
  const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  assertClose(t, mean(onX) - mean(onY), twiceCramer(x, y), 1e-5);
  // w(2) = mean |2 - y| - mean |2 - x| = (1 + 2.5 + 2 + 0.25)/4 - (3.5 + 1.75 + 0 + 1.5 + 1.25)/5 = 1.4375 - 1.6.
  assertClose(t, readNumbers(energyWitness(column([2]), column(x), column(y)))[0] ?? Number.NaN, 1.4375 - 1.6, 1e-5);
});

test('no tensor is left behind', (t) => {
  const [x, y] = [column([0, 1]), column([3])];
  const before = tf.memory().numTensors;
  energyDistance(x, y).dispose();
  energyWitness(x, x, y).dispose();
  t.is(tf.memory().numTensors, before);
});
