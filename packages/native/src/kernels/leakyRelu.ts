import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { heapIndex, type WasmBackendInternals } from '../WasmBackendInternals.js';
import { fallbackTo } from './fallbackTo.js';

/** LeakyReLU of a float32 tensor in one vectorised pass (wasm 4.22's is a scalar loop); wasm for other dtypes. */
export const leakyRelu: NativeKernel = {
  kernelName: tf.LeakyRelu,
  create: (addon, fallback) => ({
    kernelName: tf.LeakyRelu,
    backendName: 'wasm',
    ...(fallback?.setupFunc ? { setupFunc: fallback.setupFunc } : {}),
    kernelFunc: (args) => {
      const { x } = args.inputs as tf.LeakyReluInputs;
      const { alpha } = args.attrs as unknown as tf.LeakyReluAttrs;
      if (x === undefined) throw new Error('LeakyRelu expects input x.');
      const size = x.shape.reduce((p, q) => p * q, 1);
      if (x.dtype !== 'float32' || size === 0) return fallbackTo(fallback, args);
      const backend = args.backend as WasmBackendInternals;
      const out = backend.makeOutput([...x.shape], 'float32');
      addon.leakyRelu(backend.wasm.HEAPF32, size, heapIndex(backend, x), heapIndex(backend, out), alpha);
      return out;
    },
  }),
};
