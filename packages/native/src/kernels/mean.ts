import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { fallbackTo } from './fallbackTo.js';
import { leadingAxes } from './leadingAxes.js';
import { replacingKernel } from './replacingKernel.js';
import { runOnHeap } from './runOnHeap.js';

/** Mean over leading axes of a float32 tensor (sum in row order, then one division); wasm for the rest. */
export const mean: NativeKernel = replacingKernel(tf.Mean, (addon, fallback) => (args) => {
  const { x } = args.inputs as tf.MeanInputs;
  const { axis, keepDims } = args.attrs as unknown as tf.MeanAttrs;
  if (x === undefined) throw new Error('Mean expects input x.');
  const plan = x.dtype === 'float32' ? leadingAxes(x.shape, axis, keepDims) : null;
  if (plan === null) return fallbackTo(fallback, args);
  const [out] = runOnHeap(args.backend, [plan.outShape], (heap, at, [y]) => {
    addon.meanLeading(heap, plan.rows, plan.cols, at(x), at(y));
  });
  return out;
});
