import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { assertNativeMatches } from '../testing/assertNativeMatches.js';
import { kernelPaths, relativeError, sample } from '../testing/kernelPaths.js';

// [a shape, b shape, transposeA, transposeB]: every transpose combination, odd sizes, batched,
// broadcast on either side, rank 4, a single row and a single column.
// Each test switches the backend and the registered kernels: run them one at a time.
test.before(async () => {
  await tf.setBackend('cpu');
});

const cases: [number[], number[], boolean, boolean][] = [
  [[7, 5], [5, 3], false, false],
  [[5, 7], [5, 3], true, false],
  [[7, 5], [3, 5], false, true],
  [[5, 7], [3, 5], true, true],
  [[64, 2], [2, 513], false, false],
  [[3, 4, 5], [3, 5, 6], false, false],
  [[3, 5, 4], [3, 6, 5], true, true],
  [[4, 5], [2, 5, 3], false, false],
  [[2, 3, 4, 5], [5, 1], false, false],
  [[1, 3, 4, 5], [3, 1, 5], false, true],
  [[1, 9], [9, 1], false, false],
];

test.serial(
  'BatchMatMul: native sgemm matches wasm and cpu to 1e-5 relative, every transpose, batched and broadcast',
  async (t) => {
    const inputs = cases.map(([aShape, bShape], i) => [sample(aShape, 10 + i), sample(bShape, 50 + i)] as const);
    const results = await kernelPaths(tf.BatchMatMul, () =>
      cases.map(([aShape, bShape, ta, tb], i) => {
        const [a, b] = inputs[i] ?? [];
        return tf.matMul(tf.tensor(a ?? [], aShape), tf.tensor(b ?? [], bShape), ta, tb).dataSync() as Float32Array;
      }),
    );
    assertNativeMatches(t, results, 1e-5, (i) => JSON.stringify(cases[i]));
  },
);

test.serial(
  'BatchMatMul: a transposed product by hand, [[1, 2, 3], [4, 5, 6]] a^T = [[14, 32], [32, 77]]',
  async (t) => {
    const { native } = await kernelPaths(tf.BatchMatMul, () => {
      const a = tf.tensor2d([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      return [tf.matMul(a, a, false, true).dataSync() as Float32Array];
    });
    t.deepEqual(Array.from(native[0] ?? []), [14, 32, 32, 77]);
  },
);

test.serial('BatchMatMul: batch shapes broadcast on both sides fall back to wasm', async (t) => {
  const error = await t.throwsAsync(
    kernelPaths(tf.BatchMatMul, () => [
      tf.matMul(tf.ones([2, 1, 3, 4]), tf.ones([1, 2, 4, 5])).dataSync() as Float32Array,
    ]),
  );
  t.regex(error.message, /fell back to wasm/);
});

test.serial(
  'BatchMatMul gradients through the native kernel (tfjs stock gradient, flags to sgemm) match wasm and cpu',
  async (t) => {
    const flags: [boolean, boolean][] = [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ];
    const a = sample([6, 5], 3);
    const b = sample([6, 5], 4);
    const { cpu, wasm, native } = await kernelPaths(tf.BatchMatMul, () =>
      flags.flatMap(([ta, tb]) => {
        const aT = tf.tensor(a, ta ? [6, 5] : [5, 6]);
        const bT = tf.tensor(b, tb ? [5, 6] : [6, 5]);
        const outRows = 5;
        const w = tf.reshape(tf.range(0, outRows * outRows), [outRows, outRows]);
        const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y, ta, tb), w)))([aT, bT]);
        return [ga?.dataSync() as Float32Array, gb?.dataSync() as Float32Array];
      }),
    );
    t.true(relativeError(native, wasm) <= 1e-5);
    t.true(relativeError(native, cpu) <= 1e-5);
  },
);
