import type { NativeKernel } from '../NativeKernel.js';
import { gradientConvolution } from './gradientConvolution.js';

/**
 * Conv2DBackpropInput (conv2d's input gradient, conv2dTranspose's forward pass), NHWC, as
 * sgemm of dy with the filter's transpose, then col2im; the previous kernel for the rest.
 */
export const conv2dBackpropInput: NativeKernel = gradientConvolution('input');
