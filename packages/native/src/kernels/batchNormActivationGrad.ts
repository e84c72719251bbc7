import { fusedKernelNames } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { fusedKernel } from './fusedKernel.js';
import { runOnHeap } from './runOnHeap.js';

const NAME = fusedKernelNames.batchNormActivationGrad;

/**
 * The gradient of batchNormActivation: inputs dy, x, gamma, mean, variance, y (the forward's
 * outputs); attrs epsilon, slope; outputs dx, dgamma, dbeta.
 */
export const batchNormActivationGrad: NativeKernel = fusedKernel(NAME, (addon) => ({ inputs, attrs, backend }) => {
  const { dy, x, gamma, mean, variance, y } = inputs;
  const { epsilon, slope } = (attrs ?? {}) as Record<string, unknown>;
  if (
    dy === undefined ||
    x === undefined ||
    gamma === undefined ||
    mean === undefined ||
    variance === undefined ||
    y === undefined ||
    typeof epsilon !== 'number' ||
    typeof slope !== 'number'
  ) {
    throw new Error(`${NAME} expects dy, x, gamma, mean, variance, y and numeric epsilon, slope.`);
  }
  const channels = x.shape[x.shape.length - 1] ?? 0;
  const size = x.shape.reduce((p, q) => p * q, 1);
  const sizes = [dy, y].map((t) => t.shape.reduce((p, q) => p * q, 1));
  const perChannel = [gamma, mean, variance].map((t) => t.shape.reduce((p, q) => p * q, 1));
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
