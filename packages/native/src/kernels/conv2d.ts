import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { convGeometry, nativeConvolution } from './convGeometry.js';
import { fallbackTo } from './fallbackTo.js';
import { replacingKernel } from './replacingKernel.js';
import { runOnHeap } from './runOnHeap.js';

/** Conv2D (NHWC, any stride, dilation and padding) as im2col + OpenBLAS sgemm; wasm for the rest. */
export const conv2d: NativeKernel = replacingKernel(tf.Conv2D, (addon, fallback) => (args) => {
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
  const [out] = runOnHeap(args.backend, [info.outShape], (heap, at, [y]) => {
    addon.conv2d(heap, ...convGeometry(info), at(x), at(filter), at(y));
  });
  return out;
});
