import { tf } from '../tensorflow.js';

/**
 * Kernels ipmgan adds to tfjs for steps that take many small kernels as tfjs ops (an optimizer
 * update, batch norm with its activation). @ipmgan/native registers them for the wasm backend
 * under these names (its fusedKernelNames, checked equal by fusedKernels.spec.ts); every caller
 * keeps the composite of tfjs ops they stand for, which runs on any backend without them.
 */
export const fusedKernelNames = {
  /** One TorchRmsProp step: inputs variable, gradient, square[, buffer]; outputs the new ones. */
  rmsProp: 'IpmganRmsProp',
  /** One TorchAdam step: inputs variable, gradient, m, v; outputs the new ones. */
  adam: 'IpmganAdam',
  /** Batch norm (batch statistics) then an activation: outputs y, mean, variance. */
  batchNormActivation: 'IpmganBatchNormActivation',
  /** Its backward pass: outputs dx, dgamma, dbeta. */
  batchNormActivationGrad: 'IpmganBatchNormActivationGrad',
  /** A dense layer, activation(x kernel + bias) of a 2-D x, slope as batch norm's: output y. */
  denseActivation: 'IpmganDenseActivation',
} as const;

/** Whether the active backend has the fused kernel `name` (a registry lookup, cheap per step). */
export function hasFusedKernel(name: (typeof fusedKernelNames)[keyof typeof fusedKernelNames]): boolean {
  // The registry answers undefined for a missing kernel despite its type.
  return (tf.getKernel(name, tf.getBackend()) as tf.KernelConfig | undefined) !== undefined;
}
