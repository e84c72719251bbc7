import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { convolutionKernel } from './convolutionKernel.js';

type Shape4 = [number, number, number, number];

/** Conv2D (NHWC, any stride, dilation and padding) as im2col + OpenBLAS sgemm; wasm for the rest. */
export const conv2d: NativeKernel = convolutionKernel(tf.Conv2D, ['x', 'filter'], 'conv2d', ([x, filter], attrs) => {
  const { strides, pad, dataFormat, dilations, dimRoundingMode } = attrs as unknown as tf.Conv2DAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as Shape4,
    filter.shape as Shape4,
    strides,
    dilations,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  return { info, outShape: info.outShape };
});
