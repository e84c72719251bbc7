import { tf } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import test from 'ava';
import { MEDIAN_POINTS_PER_SIDE, medianHeuristic } from './medianHeuristic.js';

test.before(async () => {
  // The engine loads the backends; the contract entry (tf) registers none.
  await useBackend('cpu');
});

test('median pairwise distance of the pooled batch, by hand', (t) => {
  // Pooled {0, 1, 3, 7}: distances 1, 3, 7, 2, 6, 4 -> sorted 1, 2, 3, 4, 6, 7 -> (3 + 4) / 2.
  const s = medianHeuristic(tf.tensor2d([[0], [1]]), tf.tensor2d([[3], [7]]));
  t.true(Math.abs(s - (3 + 4) / 2) <= 1e-6, String(s));
});

test('an odd number of pairs takes the middle one; 2-D points use Euclidean distance', (t) => {
  // Pooled (0,0), (3,4), (6,8): distances 5, 10, 5 -> sorted 5, 5, 10 -> 5.
  const s = medianHeuristic(
    tf.tensor2d([[0, 0]]),
    tf.tensor2d([
      [3, 4],
      [6, 8],
    ]),
  );
  t.true(Math.abs(s - 5) <= 1e-5, String(s));
});

test(`only the first ${MEDIAN_POINTS_PER_SIDE} rows of each side are pooled`, (t) => {
  // 128 zeros then 1000 far points per side: the far rows are never seen, so the median is 0
  // (floored to the 1e-6 guard); with them it would be over 100.
  const side = tf.concat<tf.Tensor2D>([tf.zeros([MEDIAN_POINTS_PER_SIDE, 1]), tf.fill([1000, 1], 500)]);
  const s = medianHeuristic(side, side);
  t.true(s >= 1e-6 && s <= 2e-6, String(s));
});

test('no tensor is left behind', (t) => {
  const x = tf.tensor2d([[0], [1]]);
  const before = tf.memory().numTensors;
  medianHeuristic(x, x);
  t.is(tf.memory().numTensors, before);
});
