// tensorflow.js loads tfjs-layers, which registers the stock gradients (the
// Node bundle of tfjs-core registers none); it must run before the override
// below, or it would put the stock BatchMatMul gradient back.
import { tf } from '../tensorflow.js';
import { batchMatMulGradConfig } from './batchMatMulGrad.js';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilterWasm.js';
import { conv2dBackpropInputWasmConfig } from './conv2dBackpropInputWasm.js';

/**
 * Works around three defects of @tensorflow/tfjs-backend-wasm 4.22:
 * - matMul with transpose flags is 10-30x slower than plain matMul, and the
 *   stock BatchMatMul gradient uses those flags; replace it by one that
 *   transposes explicitly (same values, on every backend).
 * - Conv2DBackpropFilter is not registered, so conv2d and conv2dTranspose
 *   cannot be trained; register a kernel built from wasm's own kernels.
 * - Conv2DBackpropInput (conv2d's input gradient, conv2dTranspose's forward) is a
 *   scalar loop about 15x slower than Conv2D; replace it by stride-phase Conv2Ds.
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
  // Replaces wasm's own kernel; unregister first, as registerKernel warns on overrides.
  const input = tf.getKernel(tf.Conv2DBackpropInput, 'wasm') as tf.KernelConfig | undefined;
  if (input !== conv2dBackpropInputWasmConfig) {
    if (input !== undefined) tf.unregisterKernel(tf.Conv2DBackpropInput, 'wasm');
    tf.registerKernel(conv2dBackpropInputWasmConfig);
  }
}
