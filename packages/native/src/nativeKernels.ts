import { batchMatMul } from './kernels/batchMatMul.js';
import { identity } from './kernels/identity.js';
import { leakyReluGrad } from './kernels/leakyReluGrad.js';
import { mean } from './kernels/mean.js';
import { rmsProp } from './kernels/rmsProp.js';
import { sum } from './kernels/sum.js';
import type { NativeKernel } from './NativeKernel.js';

/** Every kernel this package registers for the wasm backend, in registration order. */
export const nativeKernels: readonly NativeKernel[] = [batchMatMul, identity, sum, mean, leakyReluGrad, rmsProp];
