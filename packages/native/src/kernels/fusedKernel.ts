import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../NativeAddon.js';
import type { NativeKernel } from '../NativeKernel.js';

/**
 * A native kernel under one of ipmgan's own names (fusedKernelNames, LEAKY_RELU_GRAD): no wasm
 * kernel precedes it, so it has no setupFunc and no fallback, and rejects what it does not cover.
 */
export function fusedKernel(kernelName: string, kernelFunc: (addon: NativeAddon) => tf.KernelFunc): NativeKernel {
  return {
    kernelName,
    create: (addon) => ({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc(addon) }),
  };
}
