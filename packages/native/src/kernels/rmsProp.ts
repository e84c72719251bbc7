import { fusedKernelNames } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { heapIndex, type WasmBackendInternals } from '../WasmBackendInternals.js';

const NAME = fusedKernelNames.rmsProp;

/**
 * One TorchRmsProp step (@ipmgan/core) in one pass, equal bit for bit to core's composite of
 * wasm ops (csrc/rmsprop.c). Inputs variable, gradient, square[, buffer]; attrs learningRate,
 * alpha, epsilon, momentum; outputs the new variable, square[, buffer] (with momentum > 0).
 */
export const rmsProp: NativeKernel = {
  kernelName: NAME,
  create: (addon) => ({
    kernelName: NAME,
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { variable, gradient, square, buffer } = inputs;
      const { learningRate, alpha, epsilon, momentum } = (attrs ?? {}) as Record<string, unknown>;
      if (
        variable === undefined ||
        gradient === undefined ||
        square === undefined ||
        typeof learningRate !== 'number' ||
        typeof alpha !== 'number' ||
        typeof epsilon !== 'number' ||
        typeof momentum !== 'number' ||
        (momentum > 0 && buffer === undefined)
      ) {
        throw new Error(`${NAME} expects variable, gradient, square (and buffer with momentum) and numeric attrs.`);
      }
      const tensors =
        buffer === undefined || momentum === 0 ? [variable, gradient, square] : [variable, gradient, square, buffer];
      const size = variable.shape.reduce((p, q) => p * q, 1);
      if (tensors.some((t) => t.dtype !== 'float32' || t.shape.reduce((p, q) => p * q, 1) !== size)) {
        throw new Error(`${NAME} expects float32 tensors of one size.`);
      }
      const wasm = backend as WasmBackendInternals;
      const outVariable = wasm.makeOutput([...variable.shape], 'float32');
      const outSquare = wasm.makeOutput([...variable.shape], 'float32');
      const outBuffer = momentum > 0 ? wasm.makeOutput([...variable.shape], 'float32') : null;
      addon.rmsprop(
        wasm.wasm.HEAPF32,
        size,
        heapIndex(wasm, variable),
        heapIndex(wasm, gradient),
        heapIndex(wasm, square),
        buffer === undefined || outBuffer === null ? 0 : heapIndex(wasm, buffer),
        heapIndex(wasm, outVariable),
        heapIndex(wasm, outSquare),
        outBuffer === null ? 0 : heapIndex(wasm, outBuffer),
        learningRate,
        alpha,
        1 - alpha,
        epsilon,
        momentum,
      );
      return outBuffer === null ? [outVariable, outSquare] : [outVariable, outSquare, outBuffer];
    },
  }),
};
