import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { fusedArgs } from './fusedArgs.js';
import { fusedKernel } from './fusedKernel.js';
import { runOnHeap } from './runOnHeap.js';

const NAME = fusedKernelNames.batchNormActivation;

/**
 * Batch norm with the batch's statistics over every axis but the last, then LeakyReLU(slope)
 * (slope 0: ReLU, 1: none), as @ipmgan/core's batchNorm layer computes it in training.
 * Inputs x [..., c], gamma [c], beta [c]; attrs epsilon, slope; outputs y, mean [c], variance [c] (biased).
 */
export const batchNormActivation: NativeKernel = fusedKernel(NAME, (addon) => ({ inputs, attrs, backend }) => {
  const { tensors, values } = fusedArgs(NAME, { inputs, attrs }, ['x', 'gamma', 'beta'], ['epsilon', 'slope']);
  const { x, gamma, beta } = tensors;
  const { epsilon, slope } = values;
  const channels = x.shape[x.shape.length - 1] ?? 0;
  if (
    [x, gamma, beta].some((t) => t.dtype !== 'float32') ||
    gamma.shape.join() !== String(channels) ||
    beta.shape.join() !== String(channels)
  ) {
    throw new Error(`${NAME} expects float32 x [..., c], gamma [c], beta [c].`);
  }
  const rows = tf.util.sizeFromShape(x.shape.slice(0, -1));
  if (rows === 0) throw new Error(`${NAME}: x [${x.shape.join(', ')}] has no rows.`);
  // outputs y, mean, variance
  return runOnHeap(backend, [x.shape, [channels], [channels]], (heap, at, [y, mean, variance]) => {
    addon.batchNormActivation(
      heap,
      rows,
      channels,
      at(x),
      at(gamma),
      at(beta),
      at(y),
      at(mean),
      at(variance),
      epsilon,
      slope,
    );
  });
});
