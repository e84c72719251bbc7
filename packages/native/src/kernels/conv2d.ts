import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { heapIndex, type WasmBackendInternals } from '../WasmBackendInternals.js';
import { convGeometry, nativeConvolution } from './convGeometry.js';
import { fallbackTo } from './fallbackTo.js';

/** Conv2D (NHWC, any stride, dilation and padding) as im2col + OpenBLAS sgemm; wasm for the rest. */
export const conv2d: NativeKernel = {
  kernelName: tf.Conv2D,
  create: (addon, fallback) => ({
    kernelName: tf.Conv2D,
    backendName: 'wasm',
    ...(fallback?.setupFunc ? { setupFunc: fallback.setupFunc } : {}),
    kernelFunc: (args) => {
      const { x, filter } = args.inputs as tf.Conv2DInputs;
      if (x === undefined || filter === undefined) throw new Error('Conv2D expects inputs x and filter.');
      const { strides, pad, dataFormat, dilations, dimRoundingMode } = args.attrs as unknown as tf.Conv2DAttrs;
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        filter.shape as [number, number, number, number],
        strides,
        dilations,
        pad,
        dimRoundingMode,
        false,
        tf.backend_util.convertConv2DDataFormat(dataFormat),
      );
      if (!nativeConvolution(info, [x, filter])) return fallbackTo(fallback, args);
      const backend = args.backend as WasmBackendInternals;
      const out = backend.makeOutput([...info.outShape], 'float32');
      addon.conv2d(
        backend.wasm.HEAPF32,
        ...convGeometry(info),
        heapIndex(backend, x),
        heapIndex(backend, filter),
        heapIndex(backend, out),
      );
      return out;
    },
  }),
};
