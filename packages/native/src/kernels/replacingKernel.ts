import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../NativeAddon.js';
import type { NativeKernel } from '../NativeKernel.js';

/**
 * A native kernel that replaces a wasm one of the same name: it keeps that kernel's setupFunc
 * and hands `kernelFunc` the kernel to fall back to for the cases it does not cover.
 */
export function replacingKernel(
  kernelName: string,
  kernelFunc: (addon: NativeAddon, fallback: tf.KernelConfig | undefined) => tf.KernelFunc,
): NativeKernel {
  return {
    kernelName,
    create: (addon, fallback) => ({
      kernelName,
      backendName: 'wasm',
      ...(fallback?.setupFunc ? { setupFunc: fallback.setupFunc } : {}),
      kernelFunc: kernelFunc(addon, fallback),
    }),
  };
}
