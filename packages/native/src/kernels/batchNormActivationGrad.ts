import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { fusedArgs } from './fusedArgs.js';
import { fusedKernel } from './fusedKernel.js';
import { runOnHeap } from './runOnHeap.js';

const NAME = fusedKernelNames.batchNormActivationGrad;

/**
 * The gradient of batchNormActivation: inputs dy, x, gamma, mean, variance, y (the forward's
 * outputs); attrs epsilon, slope; outputs dx, dgamma, dbeta.
 */
export const batchNormActivationGrad: NativeKernel = fusedKernel(NAME, (addon) => ({ inputs, attrs, backend }) => {
  const { tensors, values } = fusedArgs(
    NAME,
    { inputs, attrs },
    ['dy', 'x', 'gamma', 'mean', 'variance', 'y'],
    ['epsilon', 'slope'],
  );
  const { dy, x, gamma, mean, variance, y } = tensors;
  const { epsilon, slope } = values;
  const channels = x.shape[x.shape.length - 1] ?? 0;
  const size = tf.util.sizeFromShape(x.shape);
  const sizes = [dy, y].map((t) => tf.util.sizeFromShape(t.shape));
  const perChannel = [gamma, mean, variance].map((t) => tf.util.sizeFromShape(t.shape));
  if (
    [dy, x, gamma, mean, variance, y].some((t) => t.dtype !== 'float32') ||
    sizes.some((s) => s !== size) ||
    perChannel.some((s) => s !== channels) ||
    size === 0
  ) {
    throw new Error(`${NAME}: float32 dy, x, y of one shape and per-channel gamma, mean, variance expected.`);
  }
  // outputs dx, dgamma, dbeta
  return runOnHeap(backend, [x.shape, [channels], [channels]], (heap, at, [dx, dgamma, dbeta]) => {
    addon.batchNormActivationGrad(
      heap,
      size / channels,
      channels,
      at(dy),
      at(x),
      at(gamma),
      at(mean),
      at(variance),
      at(y),
      at(dx),
      at(dgamma),
      at(dbeta),
      epsilon,
      slope,
    );
  });
});
