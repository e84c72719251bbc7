import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { fallbackTo } from './fallbackTo.js';
import { leadingAxes } from './leadingAxes.js';
import { replacingKernel } from './replacingKernel.js';
import { runOnHeap } from './runOnHeap.js';

/**
 * Sum or Mean over the leading axes of a float32 tensor (csrc/reductions.c): rows added in
 * order without wasm's transpose, the mean one division after; wasm for the rest.
 */
export function leadingReduction(kernelName: typeof tf.Sum | typeof tf.Mean): NativeKernel {
  return replacingKernel(kernelName, (addon, fallback) => (args) => {
    // Sum's and Mean's inputs and attrs are the same: x; axis, keepDims.
    const { x } = args.inputs as tf.SumInputs;
    const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
    if (x === undefined) throw new Error(`${kernelName} expects input x.`);
    const plan = x.dtype === 'float32' ? leadingAxes(x.shape, axis, keepDims) : null;
    if (plan === null) return fallbackTo(fallback, args);
    const reduce = kernelName === tf.Sum ? 'sumLeading' : 'meanLeading';
    const [out] = runOnHeap(args.backend, [plan.outShape], (heap, at, [y]) => {
      addon[reduce](heap, plan.rows, plan.cols, at(x), at(y));
    });
    return out;
  });
}
