import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { assertNativeMatches } from '../testing/assertNativeMatches.js';
import { convCases } from '../testing/convCases.js';
import { kernelPaths, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial(
  'Conv2D: im2col + sgemm matches wasm and cpu to 1e-5 relative (odd shapes, strides, padding, dilation)',
  async (t) => {
    const cases = [...convCases, [[2, 9, 9, 3], [3, 3, 3, 2], [1, 1], 'same', [2, 2]] as (typeof convCases)[number]];
    const inputs = cases.map(([xShape, fShape], i) => [sample(xShape, 30 + i), sample(fShape, 60 + i)] as const);
    const results = await kernelPaths(tf.Conv2D, () =>
      cases.map(([xShape, fShape, strides, pad, dilations], i) => {
        const [x = new Float32Array(), f = new Float32Array()] = inputs[i] ?? [];
        const y = tf.conv2d(tf.tensor4d(x, xShape), tf.tensor4d(f, fShape), strides, pad, 'NHWC', dilations);
        return y.dataSync() as Float32Array;
      }),
    );
    assertNativeMatches(t, results, 1e-5, (i) => JSON.stringify(cases[i]));
  },
);

test.serial('Conv2D by hand: a 3x3 image of 1..9 with a 2x2 filter of ones, valid, sums each window', async (t) => {
  const { native } = await kernelPaths(tf.Conv2D, () => [
    tf
      .conv2d(tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]), tf.ones<tf.Rank.R4>([2, 2, 1, 1]), 1, 'valid')
      .dataSync() as Float32Array,
  ]);
  t.deepEqual(Array.from(native[0] ?? []), [12, 16, 24, 28]);
});
