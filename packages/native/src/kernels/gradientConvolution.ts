import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { convolutionKernel } from './convolutionKernel.js';

type Shape4 = [number, number, number, number];

/**
 * A gradient of Conv2D as a native convolution kernel: Conv2DBackpropFilter (inputs x, dy; its
 * attrs carry the filter's shape, its output) or Conv2DBackpropInput (inputs dy, filter; the
 * attrs carry the input's shape). The forward convolution's info is rebuilt from both shapes at
 * dilation 1 (tfjs's gradient attrs carry none); a dy that is not that convolution's output
 * shape is left to the previous kernel.
 */
export function gradientConvolution(gradientOf: 'filter' | 'input'): NativeKernel {
  const filter = gradientOf === 'filter';
  return convolutionKernel(
    filter ? tf.Conv2DBackpropFilter : tf.Conv2DBackpropInput,
    filter ? ['x', 'dy'] : ['dy', 'filter'],
    filter ? 'conv2dBackpropFilter' : 'conv2dBackpropInput',
    ([a, b], attrs) => {
      const { strides, pad, dataFormat, dimRoundingMode, ...shapes } =
        attrs as unknown as tf.Conv2DBackpropFilterAttrs & tf.Conv2DBackpropInputAttrs;
      const outShape = filter ? shapes.filterShape : shapes.inputShape;
      const dy = filter ? b : a;
      const info = tf.backend_util.computeConv2DInfo(
        filter ? (a.shape as Shape4) : outShape,
        filter ? outShape : (b.shape as Shape4),
        strides,
        1,
        pad,
        dimRoundingMode,
        false,
        tf.backend_util.convertConv2DDataFormat(dataFormat),
      );
      return { info: info.outShape.every((d, i) => d === dy.shape[i]) ? info : null, outShape };
    },
  );
}
