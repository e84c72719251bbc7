import { LEAKY_RELU_GRAD } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { fusedKernel } from './fusedKernel.js';
import { runOnHeap } from './runOnHeap.js';

/** dx = x > 0 ? dy : slope * dy in one pass (tfjs's gradients take two or three kernels). Inputs dy, x; attr slope. */
export const leakyReluGrad: NativeKernel = fusedKernel(LEAKY_RELU_GRAD, (addon) => ({ inputs, attrs, backend }) => {
  const { dy, x } = inputs;
  const slope = attrs?.['slope'];
  if (dy === undefined || x === undefined || typeof slope !== 'number') {
    throw new Error(`${LEAKY_RELU_GRAD} expects inputs dy, x and a numeric slope.`);
  }
  const size = x.shape.reduce((p, q) => p * q, 1);
  if (dy.dtype !== 'float32' || x.dtype !== 'float32' || dy.shape.reduce((p, q) => p * q, 1) !== size) {
    throw new Error(`${LEAKY_RELU_GRAD} expects float32 dy and x of one size.`);
  }
  const [dx] = runOnHeap(backend, [x.shape], (heap, at, [out]) => {
    addon.leakyReluGrad(heap, size, at(dy), at(x), at(out), slope);
  });
  return dx;
});
