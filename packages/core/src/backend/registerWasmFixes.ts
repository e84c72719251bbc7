// tensorflow.js loads tfjs-layers, which registers the stock gradients (the
// Node bundle of tfjs-core registers none); it must run before the override
// below, or it would put the stock BatchMatMul gradient back.
import { tf } from '../tensorflow.js';
import { batchMatMulGradConfig } from './batchMatMulGrad.js';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilterWasm.js';

/**
 * Works around two defects of @tensorflow/tfjs-backend-wasm 4.22:
 * - matMul with transpose flags is 10-30x slower than plain matMul, and the
 *   stock BatchMatMul gradient uses those flags; replace it by one that
 *   transposes explicitly (same values, on every backend).
 * - Conv2DBackpropFilter is not registered, so conv2d and conv2dTranspose
 *   cannot be trained; register a kernel built from wasm's own kernels.
 *
 * Safe to call more than once. Does not select the wasm backend.
 */
export function registerWasmFixes(): void {
  // The registry getters return undefined for missing entries despite their types.
  const gradient = tf.getGradient(tf.BatchMatMul) as tf.GradConfig | undefined;
  if (gradient !== batchMatMulGradConfig) {
    // Unregister first: registerGradient warns when it overrides.
    if (gradient !== undefined) {
      tf.unregisterGradient(tf.BatchMatMul);
    }
    tf.registerGradient(batchMatMulGradConfig);
  }
  // Keep a native kernel should a later tfjs-backend-wasm ship one.
  const kernel = tf.getKernel(tf.Conv2DBackpropFilter, 'wasm') as tf.KernelConfig | undefined;
  if (kernel === undefined) {
    tf.registerKernel(conv2dBackpropFilterWasmConfig);
  }
}
