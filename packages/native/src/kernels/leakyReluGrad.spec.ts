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

test.serial(
  'second derivatives through the one-pass gradient (as a gradient penalty takes them) equal wasm and cpu',
  async (t) => {
    const x = sample([9, 5], 11);
    const w = sample([5, 4], 12);
    const { cpu, wasm, native } = await kernelPaths(LEAKY_RELU_GRAD, () => {
      const weight = tf.tensor(w, [5, 4]);
      // penalty(W) = sum over the batch of |d/dx sum(act(x W))|^2; its gradient in W is second order.
      // tfjs cannot take second derivatives through its own LeakyReLU gradient (Greater has no
      // gradient): off the native path, write it as relu(h) - 0.2 relu(-h), equal but for h = 0.
      const native = (tf.getKernel(LEAKY_RELU_GRAD, tf.getBackend()) as tf.KernelConfig | undefined) !== undefined;
      const leaky = native
        ? (h: tf.Tensor) => tf.leakyRelu(h, 0.2)
        : (h: tf.Tensor) => tf.sub(tf.relu(h), tf.mul(tf.relu(tf.neg(h)), 0.2));
      return [(h: tf.Tensor) => tf.relu(h), leaky].map((act) => {
        const penalty = (v: tf.Tensor): tf.Tensor => {
          const inputGradient = tf.grad((input: tf.Tensor) => tf.sum(act(tf.matMul(input, v))))(tf.tensor(x, [9, 5]));
          return tf.sum(tf.square(inputGradient));
        };
        return tf.grad(penalty)(weight).dataSync() as Float32Array;
      });
    });
    t.true(relativeError(native, wasm) <= 1e-5);
    t.true(relativeError(native, cpu) <= 1e-5);
    t.true(native.every((g) => g.some((v) => v !== 0)));
  },
);
