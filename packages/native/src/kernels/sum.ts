import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { fallbackTo } from './fallbackTo.js';
import { leadingAxes } from './leadingAxes.js';
import { replacingKernel } from './replacingKernel.js';
import { runOnHeap } from './runOnHeap.js';

/** Sum over leading axes (a bias gradient) of a float32 tensor, without wasm's transpose; wasm for the rest. */
export const sum: NativeKernel = replacingKernel(tf.Sum, (addon, fallback) => (args) => {
  const { x } = args.inputs as tf.SumInputs;
  const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
  if (x === undefined) throw new Error('Sum expects input x.');
  const plan = x.dtype === 'float32' ? leadingAxes(x.shape, axis, keepDims) : null;
  if (plan === null) return fallbackTo(fallback, args);
  const [out] = runOnHeap(args.backend, [plan.outShape], (heap, at, [y]) => {
    addon.sumLeading(heap, plan.rows, plan.cols, at(x), at(y));
  });
  return out;
});
