import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { kernelPaths, onNative, relativeError, sample } from '../testing/kernelPaths.js';
import { LEAKY_RELU_GRAD } from '../fusedKernelNames.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial('ReLU and LeakyReLU gradients by the one-pass kernel equal wasm and cpu, odd shapes', async (t) => {
  const x = sample([13, 7], 1);
  const w = sample([13, 7], 2);
  const calls: number[] = [];
  const { cpu, wasm, native } = await kernelPaths(LEAKY_RELU_GRAD, () => {
    calls.push((tf.getKernel(LEAKY_RELU_GRAD, tf.getBackend()) as tf.KernelConfig | undefined) === undefined ? 0 : 1);
    const input = tf.tensor(x, [13, 7]);
    const weight = tf.tensor(w, [13, 7]);
    return [
      (f: tf.Tensor) => tf.relu(f),
      (f: tf.Tensor) => tf.leakyRelu(f, 0.2),
      (f: tf.Tensor) => tf.leakyRelu(f, 0),
    ].map(
      (f) =>
        tf
          .grad((v: tf.Tensor) => tf.sum(tf.mul(f(v), weight)))(input)
          .dataSync() as Float32Array,
    );
  });
  t.deepEqual(calls.slice(-1), [1]); // the native path had the kernel
  t.deepEqual(native, wasm);
  t.true(relativeError(native, cpu) <= 1e-5);
});

test.serial('LeakyReLU gradient by hand: x = [-2, 0, 3], slope 0.2, dy = [5, 5, 5] gives [1, 1, 5]', async (t) => {
  const [grad] = await onNative(() => [
    tf
      .grad((v: tf.Tensor) => tf.sum(tf.mul(tf.leakyRelu(v, 0.2), 5)))(tf.tensor1d([-2, 0, 3]))
      .dataSync() as Float32Array,
  ]);
  t.deepEqual(Array.from(grad ?? []), [1, 1, 5]);
});
