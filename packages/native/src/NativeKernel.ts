import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from './NativeAddon.js';

/** One native kernel for the wasm backend: how to build its config around the kernel it replaces. */
export interface NativeKernel {
  readonly kernelName: string;
  /**
   * `fallback` is the wasm kernel registered before (undefined for ipmgan's own fused kernels),
   * which the new one calls for every case it does not cover.
   */
  create(addon: NativeAddon, fallback: tf.KernelConfig | undefined): tf.KernelConfig;
}
