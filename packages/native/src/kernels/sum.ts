import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { leadingReduction } from './leadingReduction.js';

/** Sum over leading axes (a bias gradient) of a float32 tensor, without wasm's transpose; wasm for the rest. */
export const sum: NativeKernel = leadingReduction(tf.Sum);
