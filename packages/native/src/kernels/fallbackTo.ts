import type * as tf from '@tensorflow/tfjs-core';

/** Runs the kernel a native one replaced, for a case the native one does not cover. */
export function fallbackTo(
  fallback: tf.KernelConfig | undefined,
  args: Parameters<tf.KernelFunc>[0],
): ReturnType<tf.KernelFunc> {
  if (fallback === undefined) {
    throw new Error(`@ipmgan/native: no wasm kernel to fall back to for this case`);
  }
  return fallback.kernelFunc(args);
}
