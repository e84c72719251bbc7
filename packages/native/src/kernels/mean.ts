import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { heapIndex, type WasmBackendInternals } from '../WasmBackendInternals.js';
import { fallbackTo } from './fallbackTo.js';
import { leadingAxes } from './leadingAxes.js';

/** Mean over leading axes of a float32 tensor (sum in row order, then one division); wasm for the rest. */
export const mean: NativeKernel = {
  kernelName: tf.Mean,
  create: (addon, fallback) => ({
    kernelName: tf.Mean,
    backendName: 'wasm',
    ...(fallback?.setupFunc ? { setupFunc: fallback.setupFunc } : {}),
    kernelFunc: (args) => {
      const { x } = args.inputs as tf.MeanInputs;
      const { axis, keepDims } = args.attrs as unknown as tf.MeanAttrs;
      if (x === undefined) throw new Error('Mean expects input x.');
      const plan = x.dtype === 'float32' ? leadingAxes(x.shape, axis, keepDims) : null;
      if (plan === null) return fallbackTo(fallback, args);
      const backend = args.backend as WasmBackendInternals;
      const out = backend.makeOutput(plan.outShape, 'float32');
      addon.meanLeading(backend.wasm.HEAPF32, plan.rows, plan.cols, heapIndex(backend, x), heapIndex(backend, out));
      return out;
    },
  }),
};
