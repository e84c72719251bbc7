import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { assertNativeMatches } from './assertNativeMatches.js';
import { kernelPaths, sample } from './kernelPaths.js';

/** What differs between the Mean and Sum specs: the kernel, its op, and [[1, 2], [3, 4], [5, 6]] reduced over axis 0. */
export interface LeadingReduction {
  readonly kernelName: typeof tf.Mean | typeof tf.Sum;
  readonly reduce: (x: tf.Tensor, axis?: number | number[], keepDims?: boolean) => tf.Tensor;
  readonly byHand: readonly [number, number];
}

// [shape, axis, keepDims]: leading axes of odd shapes, as a loss averages or a bias gradient sums over the batch.
const cases: [number[], number | number[], boolean][] = [
  [[64, 513], 0, false],
  [[7, 3, 5], [0, 1], false],
  [[7, 3, 5], 0, true],
  [[1, 9], 0, false],
  [[5, 2, 3], [1, 0], true],
];

/** The one contract of the native leading-axes reductions (mean.ts, sum.ts): values, shapes, fallbacks. */
export function leadingReductionSpecs({ kernelName, reduce, byHand }: LeadingReduction): void {
  test.before(async () => {
    await tf.setBackend('cpu');
  });

  test.serial(`${kernelName} over leading axes: native matches wasm and cpu to 1e-5 relative`, async (t) => {
    const inputs = cases.map(([shape], i) => sample(shape, 20 + i));
    const results = await kernelPaths(kernelName, () =>
      cases.map(([shape, axis, keepDims], i) => {
        const out = reduce(tf.tensor(inputs[i] ?? [], shape), axis, keepDims);
        return out.dataSync() as Float32Array;
      }),
    );
    assertNativeMatches(t, results, 1e-5, (i) => JSON.stringify(cases[i]));
  });

  test.serial(
    `${kernelName} over leading axes keeps the shapes tfjs gives: [7, 3, 5] over 0 with keepDims is [1, 3, 5]`,
    async (t) => {
      const { native } = await kernelPaths(kernelName, () => [
        Float32Array.from(reduce(tf.ones([7, 3, 5]), 0, true).shape),
        Float32Array.from(reduce(tf.ones([7, 3, 5]), [0, 1]).shape),
        reduce(
          tf.tensor2d([
            [1, 2],
            [3, 4],
            [5, 6],
          ]),
          0,
        ).dataSync() as Float32Array,
      ]);
      t.deepEqual(
        native.map((a) => Array.from(a)),
        [[1, 3, 5], [5], [...byHand]],
      );
    },
  );

  test.serial(`${kernelName} over inner or all axes, and of int32, falls back to wasm`, async (t) => {
    for (const run of [
      () => reduce(tf.ones([3, 4]), 1),
      () => reduce(tf.ones([3, 4])),
      () => reduce(tf.ones([3, 4], 'int32'), 0),
    ]) {
      const error = await t.throwsAsync(kernelPaths(kernelName, () => [run().dataSync() as Float32Array]));
      t.regex(error.message, /fell back to wasm/);
    }
  });
}
