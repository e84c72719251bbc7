import * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { leadingReduction } from './leadingReduction.js';

/** Mean over leading axes of a float32 tensor (sum in row order, then one division); wasm for the rest. */
export const mean: NativeKernel = leadingReduction(tf.Mean);
