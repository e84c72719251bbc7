import { fusedKernelNames } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { fusedKernel } from './fusedKernel.js';
import { runOnHeap } from './runOnHeap.js';

const NAME = fusedKernelNames.denseActivation;

/**
 * A dense layer in one call (csrc/dense_activation.c): sgemm, then bias and LeakyReLU(slope) in
 * one pass, rounding as MatMul, Add and Relu/LeakyRelu in turn. Inputs x [m, k], kernel [k, n],
 * bias [n] (optional); attr slope (0 ReLU, 1 none). @ipmgan/core calls it only for float32 2-D x
 * and keeps the composite for everything else, so other inputs are an error here.
 */
export const denseActivation: NativeKernel = fusedKernel(NAME, (addon) => ({ inputs, attrs, backend }) => {
  const { x, kernel, bias } = inputs;
  const { slope } = (attrs ?? {}) as Record<string, unknown>;
  if (x === undefined || kernel === undefined || typeof slope !== 'number') {
    throw new Error(`${NAME} expects x, kernel (and bias) and a numeric slope.`);
  }
  const [m = 0, k = 0] = x.shape;
  const [kernelRows = 0, n = 0] = kernel.shape;
  const floats = [x, kernel, ...(bias === undefined ? [] : [bias])].every((t) => t.dtype === 'float32');
  if (
    !floats ||
    x.shape.length !== 2 ||
    kernel.shape.length !== 2 ||
    kernelRows !== k ||
    m * n * k === 0 ||
    (bias !== undefined && (bias.shape.length !== 1 || bias.shape[0] !== n))
  ) {
    throw new Error(
      `${NAME} expects float32 x [m, k], kernel [k, n], bias [n] with m, n, k > 0; got [${x.shape.join(', ')}] and [${kernel.shape.join(', ')}].`,
    );
  }
  const [y] = runOnHeap(backend, [[m, n]], (heap, at, [out]) => {
    addon.denseActivation(heap, m, n, k, at(x), at(kernel), bias === undefined ? -1 : at(bias), at(out), slope);
  });
  return y;
});
