import { adam } from './kernels/adam.js';
import { batchMatMul } from './kernels/batchMatMul.js';
import { batchNormActivation } from './kernels/batchNormActivation.js';
import { batchNormActivationGrad } from './kernels/batchNormActivationGrad.js';
import { leakyRelu } from './kernels/leakyRelu.js';
import { denseActivation } from './kernels/denseActivation.js';
import { conv2d } from './kernels/conv2d.js';
import { conv2dBackpropFilter } from './kernels/conv2dBackpropFilter.js';
import { conv2dBackpropInput } from './kernels/conv2dBackpropInput.js';
import { identity } from './kernels/identity.js';
import { leakyReluGrad } from './kernels/leakyReluGrad.js';
import { mean } from './kernels/mean.js';
import { rmsProp } from './kernels/rmsProp.js';
import { sum } from './kernels/sum.js';
import type { NativeKernel } from './NativeKernel.js';

/** Every kernel this package registers for the wasm backend, in registration order. */
export const nativeKernels: readonly NativeKernel[] = [
  batchMatMul,
  conv2d,
  conv2dBackpropInput,
  conv2dBackpropFilter,
  identity,
  sum,
  mean,
  leakyRelu,
  leakyReluGrad,
  rmsProp,
  adam,
  batchNormActivation,
  batchNormActivationGrad,
  denseActivation,
];
