import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { fallbackTo } from './fallbackTo.js';
import { replacingKernel } from './replacingKernel.js';
import { runOnHeap } from './runOnHeap.js';

/** LeakyReLU of a float32 tensor in one vectorised pass (wasm 4.22's is a scalar loop); wasm for other dtypes. */
export const leakyRelu: NativeKernel = replacingKernel(tf.LeakyRelu, (addon, fallback) => (args) => {
  const { x } = args.inputs as tf.LeakyReluInputs;
  const { alpha } = args.attrs as unknown as tf.LeakyReluAttrs;
  if (x === undefined) throw new Error('LeakyRelu expects input x.');
  const size = x.shape.reduce((p, q) => p * q, 1);
  if (x.dtype !== 'float32' || size === 0) return fallbackTo(fallback, args);
  const [out] = runOnHeap(args.backend, [x.shape], (heap, at, [y]) => {
    addon.leakyRelu(heap, size, at(x), at(y), alpha);
  });
  return out;
});
