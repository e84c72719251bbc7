import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { fusedArgs } from './fusedArgs.js';
import { fusedKernel } from './fusedKernel.js';
import { runOnHeap } from './runOnHeap.js';

const NAME = fusedKernelNames.adam;

/**
 * One TorchAdam step (@ipmgan/core) in one pass, equal bit for bit to core's composite of wasm
 * ops (csrc/adam.c). Inputs variable, gradient, m, v; attrs beta1, beta2, epsilon and this
 * step's stepSize = lr / (1 - beta1^t) and correction2Sqrt = sqrt(1 - beta2^t); outputs the new
 * variable, m, v.
 */
export const adam: NativeKernel = fusedKernel(NAME, (addon) => ({ inputs, attrs, backend }) => {
  const { tensors, values } = fusedArgs(
    NAME,
    { inputs, attrs },
    ['variable', 'gradient', 'm', 'v'],
    ['beta1', 'beta2', 'epsilon', 'stepSize', 'correction2Sqrt'],
  );
  const { variable, gradient, m, v } = tensors;
  const { beta1, beta2, epsilon, stepSize, correction2Sqrt } = values;
  const size = tf.util.sizeFromShape(variable.shape);
  if ([variable, gradient, m, v].some((t) => t.dtype !== 'float32' || tf.util.sizeFromShape(t.shape) !== size)) {
    throw new Error(`${NAME} expects float32 tensors of one size.`);
  }
  const weight = 1 - beta1; // core's lerp(m, g, 1 - beta1), its scalars computed as JavaScript does
  // outputs the new variable, m, v
  return runOnHeap(backend, [variable.shape, variable.shape, variable.shape], (heap, at, [outVariable, outM, outV]) => {
    addon.adam(
      heap,
      size,
      at(variable),
      at(gradient),
      at(m),
      at(v),
      at(outVariable),
      at(outM),
      at(outV),
      weight,
      1 - weight,
      beta2,
      1 - beta2,
      epsilon,
      -stepSize,
      correction2Sqrt,
    );
  });
});
