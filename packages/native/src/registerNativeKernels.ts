import * as tf from '@tensorflow/tfjs-core';
import { loadNativeAddon } from './loadNative.js';
import { nativeKernels } from './nativeKernels.js';
import { reluGradients } from './reluGradients.js';
import { stockBatchMatMulGrad } from './stockBatchMatMulGrad.js';

/** What registerNativeKernels put in place. */
export interface NativeRegistration {
  readonly source: 'prebuilt' | 'local build';
  readonly path: string;
  /** Names of the wasm kernels now native (tfjs's and ipmgan's fused ones). */
  readonly kernels: readonly string[];
}

const gradients: readonly tf.GradConfig[] = [stockBatchMatMulGrad, ...reluGradients];

/** What each name held before this package replaced it (undefined: nothing), and what it put there. */
const kernelsBefore = new Map<string, { before: tf.KernelConfig | undefined; mine: tf.KernelConfig }>();
const gradientsBefore = new Map<string, { before: tf.GradConfig | undefined; mine: tf.GradConfig }>();

/**
 * Registers the native kernels for the 'wasm' backend, each wrapping the kernel registered
 * before it as its fallback (so call it after @ipmgan/core's registerWasmFixes), the gradients
 * that call them, and sets the pool's thread count. Calling it again only re-applies what
 * something else replaced since, and sets the threads. Throws one line when the addon does not load.
 */
export function registerNativeKernels(options: { threads: number }): NativeRegistration {
  const { status, addon } = loadNativeAddon();
  if (!status.loaded || addon === null) {
    throw new Error(`@ipmgan/native cannot load its addon: ${status.loaded ? 'unknown reason' : status.reason}`);
  }
  if (!Number.isInteger(options.threads) || options.threads < 1) {
    throw new Error(`@ipmgan/native: threads must be a positive integer, got ${String(options.threads)}`);
  }
  for (const kernel of nativeKernels) {
    const current = tf.getKernel(kernel.kernelName, 'wasm') as tf.KernelConfig | undefined;
    if (current !== undefined && current === kernelsBefore.get(kernel.kernelName)?.mine) continue;
    const mine = kernel.create(addon, current);
    // Unregister first: registerKernel warns when it overrides.
    if (current !== undefined) tf.unregisterKernel(kernel.kernelName, 'wasm');
    tf.registerKernel(mine);
    kernelsBefore.set(kernel.kernelName, { before: current, mine });
  }
  for (const gradient of gradients) {
    const current = tf.getGradient(gradient.kernelName) as tf.GradConfig | undefined;
    if (current === gradient) continue;
    if (current !== undefined) tf.unregisterGradient(gradient.kernelName);
    tf.registerGradient(gradient);
    gradientsBefore.set(gradient.kernelName, { before: current, mine: gradient });
  }
  addon.setThreads(options.threads);
  return { source: status.source, path: status.path, kernels: nativeKernels.map((k) => k.kernelName) };
}

/**
 * Puts back exactly what registerNativeKernels replaced (core's wasm fixes, tfjs's kernels and
 * gradients), except where something else has replaced the native one since.
 */
export function unregisterNativeKernels(): void {
  for (const [name, { before, mine }] of kernelsBefore) {
    if (tf.getKernel(name, 'wasm') !== mine) continue;
    tf.unregisterKernel(name, 'wasm');
    if (before !== undefined) tf.registerKernel(before);
  }
  kernelsBefore.clear();
  for (const [name, { before, mine }] of gradientsBefore) {
    if (tf.getGradient(name) !== mine) continue;
    tf.unregisterGradient(name);
    if (before !== undefined) tf.registerGradient(before);
  }
  gradientsBefore.clear();
}
