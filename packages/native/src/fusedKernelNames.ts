/**
 * Names of the kernels ipmgan adds to tfjs (no tfjs kernel has them). @ipmgan/core owns the
 * same constants and the composite each stands for (its optimizers and batch norm call the
 * kernel when the active backend has it); fusedKernelNames.spec.ts checks that both agree.
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

/** ReLU / LeakyReLU gradient, x > 0 ? dy : slope dy: called only by this package's gradients. */
export const LEAKY_RELU_GRAD = 'IpmganLeakyReluGrad';
