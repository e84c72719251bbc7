import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { kernelPaths, relativeError, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial(
  'LeakyRelu: the native pass equals wasm bit for bit, cpu to 1e-6 (cpu rounds slope x differently), slopes 0, 0.2, 1',
  async (t) => {
    const x = sample([7, 13, 3], 5);
    const { cpu, wasm, native } = await kernelPaths(tf.LeakyRelu, () =>
      [0, 0.2, 1].map((slope) => tf.leakyRelu(tf.tensor(x, [7, 13, 3]), slope).dataSync() as Float32Array),
    );
    t.deepEqual(native, wasm);
    t.true(relativeError(native, cpu) <= 1e-6);
  },
);

test.serial('LeakyRelu by hand: [-2, 0, 3] with slope 0.25 is [-0.5, 0, 3]', async (t) => {
  const { native } = await kernelPaths(tf.LeakyRelu, () => [
    tf.leakyRelu(tf.tensor1d([-2, 0, 3]), 0.25).dataSync() as Float32Array,
  ]);
  t.deepEqual(Array.from(native[0] ?? []), [-0.5, 0, 3]);
});
