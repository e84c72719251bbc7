import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { assertNativeMatches } from '../testing/assertNativeMatches.js';
import { convCases } from '../testing/convCases.js';
import { kernelPaths, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial('Conv2DBackpropInput (conv2d input gradient) matches wasm and cpu to 1e-5 relative', async (t) => {
  const inputs = convCases.map(([xShape, fShape], i) => [sample(xShape, 30 + i), sample(fShape, 60 + i)] as const);
  const results = await kernelPaths(tf.Conv2DBackpropInput, () =>
    convCases.map(([xShape, fShape, strides, pad], i) => {
      const [, f = new Float32Array()] = inputs[i] ?? [];
      const filter = tf.tensor4d(f, fShape);
      const outShape = tf.conv2d(tf.zeros<tf.Rank.R4>(xShape), filter, strides, pad).shape;
      const dy = tf.tensor4d(sample(outShape, 90 + i), outShape);
      return tf.conv2dTranspose(dy, filter, xShape, strides, pad).dataSync() as Float32Array;
    }),
  );
  assertNativeMatches(t, results, 1e-5, (i) => JSON.stringify(convCases[i]));
});

test.serial(
  'conv2dTranspose by hand: one 1 through a 2x2 filter [1, 2, 3, 4] at stride 2 places the filter',
  async (t) => {
    const { native } = await kernelPaths(tf.Conv2DBackpropInput, () => [
      tf
        .conv2dTranspose(
          tf.ones<tf.Rank.R4>([1, 1, 1, 1]),
          tf.tensor4d([1, 2, 3, 4], [2, 2, 1, 1]),
          [1, 2, 2, 1],
          2,
          'valid',
        )
        .dataSync() as Float32Array,
    ]);
    t.deepEqual(Array.from(native[0] ?? []), [1, 2, 3, 4]);
  },
);
