import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { heapIndex, type WasmBackendInternals } from '../WasmBackendInternals.js';
import { convGeometry, nativeConvolution } from './convGeometry.js';
import { fallbackTo } from './fallbackTo.js';

/**
 * Conv2DBackpropInput (conv2d's input gradient, conv2dTranspose's forward pass), NHWC, as
 * sgemm of dy with the filter's transpose, then col2im; the previous kernel for the rest.
 */
export const conv2dBackpropInput: NativeKernel = {
  kernelName: tf.Conv2DBackpropInput,
  create: (addon, fallback) => ({
    kernelName: tf.Conv2DBackpropInput,
    backendName: 'wasm',
    ...(fallback?.setupFunc ? { setupFunc: fallback.setupFunc } : {}),
    kernelFunc: (args) => {
      const { dy, filter } = args.inputs as tf.Conv2DBackpropInputInputs;
      if (dy === undefined || filter === undefined)
        throw new Error('Conv2DBackpropInput expects inputs dy and filter.');
      const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
        args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
      const info = tf.backend_util.computeConv2DInfo(
        inputShape,
        filter.shape as [number, number, number, number],
        strides,
        1,
        pad,
        dimRoundingMode,
        false,
        tf.backend_util.convertConv2DDataFormat(dataFormat),
      );
      const dyMatches = info.outShape.every((d, i) => d === dy.shape[i]);
      if (!dyMatches || !nativeConvolution(info, [dy, filter])) return fallbackTo(fallback, args);
      const backend = args.backend as WasmBackendInternals;
      const dx = backend.makeOutput([...inputShape], 'float32');
      addon.conv2dBackpropInput(
        backend.wasm.HEAPF32,
        ...convGeometry(info),
        heapIndex(backend, dy),
        heapIndex(backend, filter),
        heapIndex(backend, dx),
      );
      return dx;
    },
  }),
};
