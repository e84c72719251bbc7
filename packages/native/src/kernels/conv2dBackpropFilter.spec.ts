import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { assertNativeMatches } from '../testing/assertNativeMatches.js';
import { convCases } from '../testing/convCases.js';
import { kernelPaths, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

/**
 * dW of sum(conv2d(x, W) * dy): by the Conv2DBackpropFilter kernel where the backend has one,
 * else (tfjs-backend-wasm 4.22 has none) as a stride-1 convolution of x^T with dy^T dilated
 * by the strides, by the backend's own Conv2D.
 */
function filterGradient(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  fShape: [number, number, number, number],
  strides: [number, number],
  pad: 'same' | 'valid',
): tf.Tensor {
  if ((tf.getKernel(tf.Conv2DBackpropFilter, tf.getBackend()) as tf.KernelConfig | undefined) !== undefined) {
    return tf
      .engine()
      .runKernel<tf.Tensor>(
        tf.Conv2DBackpropFilter,
        { x, dy },
        { strides, pad, dataFormat: 'NHWC', filterShape: fShape },
      );
  }
  const info = tf.backend_util.computeConv2DInfo(x.shape, fShape, strides, 1, pad);
  const [fh, fw] = fShape;
  const bottom = Math.max(0, (info.outHeight - 1) * info.strideHeight + fh - info.inHeight - info.padInfo.top);
  const right = Math.max(0, (info.outWidth - 1) * info.strideWidth + fw - info.inWidth - info.padInfo.left);
  const conv = tf.conv2d(
    tf.transpose(x, [3, 1, 2, 0]),
    tf.transpose<tf.Tensor4D>(dy, [1, 2, 0, 3]),
    1,
    [
      [0, 0],
      [info.padInfo.top, bottom],
      [info.padInfo.left, right],
      [0, 0],
    ],
    'NHWC',
    strides,
  );
  return tf.transpose(tf.slice(conv, [0, 0, 0, 0], [-1, fh, fw, -1]), [1, 2, 0, 3]);
}

test.serial('Conv2DBackpropFilter matches wasm (its Conv2D) and cpu to 1e-5 relative', async (t) => {
  const cases = convCases.flatMap(([xShape, fShape, strides, pad, dilations]) =>
    typeof pad === 'string' ? [[xShape, fShape, strides, pad, dilations] as const] : [],
  );
  const inputs = cases.map(([xShape], i) => sample(xShape, 30 + i));
  const results = await kernelPaths(tf.Conv2DBackpropFilter, () =>
    cases.map(([xShape, fShape, strides, pad], i) => {
      const x = tf.tensor4d(inputs[i] ?? new Float32Array(), xShape);
      const outShape = tf.conv2d(x, tf.zeros<tf.Rank.R4>(fShape), strides, pad).shape;
      const dy = tf.tensor4d(sample(outShape, 90 + i), outShape);
      return filterGradient(x, dy, fShape, strides, pad).dataSync() as Float32Array;
    }),
  );
  assertNativeMatches(t, results, 1e-5, (i) => JSON.stringify(cases[i]));
});

test.serial('Conv2DBackpropFilter by hand: x = 1..4 in 2x2, dy = 1 for a valid 2x2 filter gives dW = x', async (t) => {
  const { native } = await kernelPaths(tf.Conv2DBackpropFilter, () => [
    filterGradient(
      tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]),
      tf.ones<tf.Rank.R4>([1, 1, 1, 1]),
      [2, 2, 1, 1],
      [1, 1],
      'valid',
    ).dataSync() as Float32Array,
  ]);
  t.deepEqual(Array.from(native[0] ?? []), [1, 2, 3, 4]);
});
