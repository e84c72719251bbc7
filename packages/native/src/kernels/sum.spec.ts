import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { kernelPaths, relativeError, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// [shape, axis, keepDims]: leading axes of odd shapes, as a bias gradient sums over the batch.
const cases: [number[], number | number[], boolean][] = [
  [[64, 513], 0, false],
  [[7, 3, 5], [0, 1], false],
  [[7, 3, 5], 0, true],
  [[1, 9], 0, false],
  [[5, 2, 3], [1, 0], true],
];

test.serial('Sum over leading axes: native matches wasm and cpu to 1e-5 relative', async (t) => {
  const inputs = cases.map(([shape], i) => sample(shape, 20 + i));
  const { cpu, wasm, native } = await kernelPaths(tf.Sum, () =>
    cases.map(([shape, axis, keepDims], i) => {
      const out = tf.sum(tf.tensor(inputs[i] ?? [], shape), axis, keepDims);
      return out.dataSync() as Float32Array;
    }),
  );
  native.forEach((result, i) => {
    t.true(relativeError([result], [wasm[i] ?? new Float32Array()]) <= 1e-5, JSON.stringify(cases[i]));
    t.true(relativeError([result], [cpu[i] ?? new Float32Array()]) <= 1e-5, JSON.stringify(cases[i]));
  });
});

test.serial(
  'Sum over leading axes keeps the shapes tfjs gives: [7, 3, 5] over 0 with keepDims is [1, 3, 5]',
  async (t) => {
    const { native } = await kernelPaths(tf.Sum, () => [
      Float32Array.from(tf.sum(tf.ones([7, 3, 5]), 0, true).shape),
      Float32Array.from(tf.sum(tf.ones([7, 3, 5]), [0, 1]).shape),
      tf
        .sum(
          tf.tensor2d([
            [1, 2],
            [3, 4],
            [5, 6],
          ]),
          0,
        )
        .dataSync() as Float32Array,
    ]);
    t.deepEqual(
      native.map((a) => Array.from(a)),
      [[1, 3, 5], [5], [9, 12]],
    );
  },
);

test.serial('Sum over inner or all axes, and of int32, falls back to wasm', async (t) => {
  for (const run of [
    () => tf.sum(tf.ones([3, 4]), 1),
    () => tf.sum(tf.ones([3, 4])),
    () => tf.sum(tf.ones([3, 4], 'int32'), 0),
  ]) {
    const error = await t.throwsAsync(kernelPaths(tf.Sum, () => [run().dataSync() as Float32Array]));
    t.regex(error.message, /fell back to wasm/);
  }
});
