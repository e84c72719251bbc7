import * as tf from '@tensorflow/tfjs-core';
import { sample } from './kernelPaths.js';

/** batchNorm's default epsilon. */
export const EPSILON = 1e-5;
// Odd shapes, channels last; DCGAN's critic layer at a small batch.
export const shapes = [
  [5, 3, 7],
  [9, 6],
  [4, 7, 7, 16],
];
export const slopes = [0, 0.2, 1];

export function hasKernel(name: string): boolean {
  return (tf.getKernel(name, tf.getBackend()) as tf.KernelConfig | undefined) !== undefined;
}

/** @ipmgan/core's batchNorm layer in training, op for op: moments, normalise, LeakyReLU(slope). */
export function composite(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, slope: number): tf.Tensor[] {
  const { mean, variance } = tf.moments(
    x,
    x.shape.slice(0, -1).map((_, i) => i),
  );
  const normalised = tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, EPSILON))), gamma), beta);
  return [tf.leakyRelu(normalised, slope), mean, variance];
}

export function inputs(shape: number[], k: number): [tf.Tensor, tf.Tensor, tf.Tensor] {
  const c = shape[shape.length - 1] ?? 0;
  // An offset and a spread per channel, so the statistics matter.
  const x = tf.add(tf.mul(tf.tensor(sample(shape, 100 + k), shape), 3), tf.range(0, c));
  return [x, tf.tensor(sample([c], 200 + k), [c]), tf.tensor(sample([c], 300 + k), [c])];
}
