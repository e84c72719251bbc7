import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { convGeometry, nativeConvolution } from './convGeometry.js';
import { fallbackTo } from './fallbackTo.js';
import { gradientConvInfo } from './gradientConvInfo.js';
import { replacingKernel } from './replacingKernel.js';
import { runOnHeap } from './runOnHeap.js';

/** Conv2DBackpropFilter (conv2d's filter gradient), NHWC, as sgemm of im2col(x)^T with dy; the previous kernel for the rest. */
export const conv2dBackpropFilter: NativeKernel = replacingKernel(
  tf.Conv2DBackpropFilter,
  (addon, fallback) => (args) => {
    const { x, dy } = args.inputs as tf.Conv2DBackpropFilterInputs;
    if (x === undefined || dy === undefined) throw new Error('Conv2DBackpropFilter expects inputs x and dy.');
    const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    const { filterShape } = attrs;
    const info = gradientConvInfo(x.shape as [number, number, number, number], filterShape, attrs, dy);
    if (info === null || !nativeConvolution(info, [x, dy])) return fallbackTo(fallback, args);
    const [dw] = runOnHeap(args.backend, [filterShape], (heap, at, [out]) => {
      addon.conv2dBackpropFilter(heap, ...convGeometry(info), at(x), at(dy), at(out));
    });
    return dw;
  },
);
