import { fusedKernelNames } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { fusedKernel } from './fusedKernel.js';
import { runOnHeap } from './runOnHeap.js';

const NAME = fusedKernelNames.adam;
const ATTRS = ['beta1', 'beta2', 'epsilon', 'stepSize', 'correction2Sqrt'] as const;

/**
 * One TorchAdam step (@ipmgan/core) in one pass, equal bit for bit to core's composite of wasm
 * ops (csrc/adam.c). Inputs variable, gradient, m, v; attrs beta1, beta2, epsilon and this
 * step's stepSize = lr / (1 - beta1^t) and correction2Sqrt = sqrt(1 - beta2^t); outputs the new
 * variable, m, v.
 */
export const adam: NativeKernel = fusedKernel(NAME, (addon) => ({ inputs, attrs, backend }) => {
  const { variable, gradient, m, v } = inputs;
  const values = ATTRS.map((name) => attrs?.[name]);
  const [beta1, beta2, epsilon, stepSize, correction2Sqrt] = values;
  if (
    variable === undefined ||
    gradient === undefined ||
    m === undefined ||
    v === undefined ||
    typeof beta1 !== 'number' ||
    typeof beta2 !== 'number' ||
    typeof epsilon !== 'number' ||
    typeof stepSize !== 'number' ||
    typeof correction2Sqrt !== 'number'
  ) {
    throw new Error(`${NAME} expects variable, gradient, m, v and numeric ${ATTRS.join(', ')}.`);
  }
  const size = variable.shape.reduce((p, q) => p * q, 1);
  if ([variable, gradient, m, v].some((t) => t.dtype !== 'float32' || t.shape.reduce((p, q) => p * q, 1) !== size)) {
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
