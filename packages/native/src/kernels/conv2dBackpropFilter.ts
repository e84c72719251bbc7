import type { NativeKernel } from '../NativeKernel.js';
import { gradientConvolution } from './gradientConvolution.js';

/** Conv2DBackpropFilter (conv2d's filter gradient), NHWC, as sgemm of im2col(x)^T with dy; the previous kernel for the rest. */
export const conv2dBackpropFilter: NativeKernel = gradientConvolution('filter');
