import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { convGeometry, nativeConvolution } from './convGeometry.js';
import { fallbackTo } from './fallbackTo.js';
import { gradientConvInfo } from './gradientConvInfo.js';
import { replacingKernel } from './replacingKernel.js';
import { runOnHeap } from './runOnHeap.js';

/**
 * Conv2DBackpropInput (conv2d's input gradient, conv2dTranspose's forward pass), NHWC, as
 * sgemm of dy with the filter's transpose, then col2im; the previous kernel for the rest.
 */
export const conv2dBackpropInput: NativeKernel = replacingKernel(
  tf.Conv2DBackpropInput,
  (addon, fallback) => (args) => {
    const { dy, filter } = args.inputs as tf.Conv2DBackpropInputInputs;
    if (dy === undefined || filter === undefined) throw new Error('Conv2DBackpropInput expects inputs dy and filter.');
    const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const { inputShape } = attrs;
    const info = gradientConvInfo(inputShape, filter.shape as [number, number, number, number], attrs, dy);
    if (info === null || !nativeConvolution(info, [dy, filter])) return fallbackTo(fallback, args);
    const [dx] = runOnHeap(args.backend, [inputShape], (heap, at, [out]) => {
      addon.conv2dBackpropInput(heap, ...convGeometry(info), at(dy), at(filter), at(out));
    });
    return dx;
  },
);
