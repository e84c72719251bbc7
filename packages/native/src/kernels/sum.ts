import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { heapIndex, type WasmBackendInternals } from '../WasmBackendInternals.js';
import { fallbackTo } from './fallbackTo.js';
import { leadingAxes } from './leadingAxes.js';

/** Sum over leading axes (a bias gradient) of a float32 tensor, without wasm's transpose; wasm for the rest. */
export const sum: NativeKernel = {
  kernelName: tf.Sum,
  create: (addon, fallback) => ({
    kernelName: tf.Sum,
    backendName: 'wasm',
    ...(fallback?.setupFunc ? { setupFunc: fallback.setupFunc } : {}),
    kernelFunc: (args) => {
      const { x } = args.inputs as tf.SumInputs;
      const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
      if (x === undefined) throw new Error('Sum expects input x.');
      const plan = x.dtype === 'float32' ? leadingAxes(x.shape, axis, keepDims) : null;
      if (plan === null) return fallbackTo(fallback, args);
      const backend = args.backend as WasmBackendInternals;
      const out = backend.makeOutput(plan.outShape, 'float32');
      addon.sumLeading(backend.wasm.HEAPF32, plan.rows, plan.cols, heapIndex(backend, x), heapIndex(backend, out));
      return out;
    },
  }),
};
