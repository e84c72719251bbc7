import { tf } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import test from 'ava';
import { pairwiseSquaredDistances } from './pairwiseSquaredDistances.js';

test.before(async () => {
  // The engine loads the backends; the contract entry (tf) registers none.
  await useBackend('cpu');
});

test('squared distances of hand-picked points', (t) => {
  // x = (0, 0), (1, 2); y = (3, 4), (1, 0), (0, 0)
  const d = pairwiseSquaredDistances(
    tf.tensor2d([
      [0, 0],
      [1, 2],
    ]),
    tf.tensor2d([
      [3, 4],
      [1, 0],
      [0, 0],
    ]),
  );
  t.deepEqual(d.shape, [2, 3]);
  const expected = [
    [3 * 3 + 4 * 4, 1 * 1 + 0 * 0, 0],
    [2 * 2 + 2 * 2, 0 * 0 + 2 * 2, 1 * 1 + 2 * 2],
  ].flat();
  const actual = Array.from(d.dataSync());
  for (const [i, e] of expected.entries()) t.true(Math.abs((actual[i] ?? NaN) - e) <= 1e-4, `entry ${i}: ${actual[i]}`);
});

test('points against themselves with large norms give 0, never a negative from rounding', (t) => {
  const x = tf.tensor2d([
    [1000.1, 1000.3, 999.7],
    [123.4, 567.8, 910.1],
    [3.3, 1e3 / 3, 77.7],
  ]);
  // The unclamped expansion ||x||^2 + ||x||^2 - 2 x.x is negative on the cpu backend here,
  // so the clamp is what this test checks.
  const unclamped = tf.tidy(() =>
    tf.sub(
      tf.add(tf.sum(tf.square(x), 1, true), tf.reshape(tf.sum(tf.square(x), 1), [1, -1])),
      tf.mul(tf.matMul(x, tf.transpose(x)), 2),
    ),
  );
  t.true(Math.min(...unclamped.dataSync()) < 0, 'the raw expansion goes negative, so the test can fail');
  const d = pairwiseSquaredDistances(x, x);
  const values = d.arraySync();
  t.true(values.flat().every((v) => v >= 0));
  for (const [i, row] of values.entries()) t.is(row[i], 0);
});

test('no tensor is left behind', (t) => {
  const x = tf.tensor2d([[1, 2]]);
  const before = tf.memory().numTensors;
  pairwiseSquaredDistances(x, x).dispose();
  t.is(tf.memory().numTensors, before);
});
