import { fusedKernelNames } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { fusedKernel } from './fusedKernel.js';
import { runOnHeap } from './runOnHeap.js';

const NAME = fusedKernelNames.batchNormActivation;

/**
 * Batch norm with the batch's statistics over every axis but the last, then LeakyReLU(slope)
 * (slope 0: ReLU, 1: none), as @ipmgan/core's batchNorm layer computes it in training.
 * Inputs x [..., c], gamma [c], beta [c]; attrs epsilon, slope; outputs y, mean [c], variance [c] (biased).
 */
export const batchNormActivation: NativeKernel = fusedKernel(NAME, (addon) => ({ inputs, attrs, backend }) => {
  const { x, gamma, beta } = inputs;
  const { epsilon, slope } = (attrs ?? {}) as Record<string, unknown>;
  const channels = x?.shape[x.shape.length - 1] ?? 0;
  if (
    x === undefined ||
    gamma === undefined ||
    beta === undefined ||
    typeof epsilon !== 'number' ||
    typeof slope !== 'number' ||
    [x, gamma, beta].some((t) => t.dtype !== 'float32') ||
    gamma.shape.join() !== String(channels) ||
    beta.shape.join() !== String(channels)
  ) {
    throw new Error(`${NAME} expects float32 x [..., c], gamma [c], beta [c] and numeric epsilon, slope.`);
  }
  const rows = x.shape.slice(0, -1).reduce((p, q) => p * q, 1);
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
