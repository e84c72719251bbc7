import type * as tf from '@tensorflow/tfjs-core';

/**
 * A fused kernel's inputs `inputNames` and numeric attrs `attrNames`, read once for the kernel:
 * throws `kernelName expects <inputs> and numeric <attrs>.` when an input is missing or an attr
 * is not a number (core passes them right; anything else is a programming error).
 */
export function fusedArgs<const I extends string, const A extends string>(
  kernelName: string,
  { inputs, attrs }: Pick<Parameters<tf.KernelFunc>[0], 'inputs' | 'attrs'>,
  inputNames: readonly I[],
  attrNames: readonly A[],
): { tensors: Record<I, tf.TensorInfo>; values: Record<A, number> } {
  const tensors = Object.fromEntries(inputNames.map((name) => [name, inputs[name]]));
  const values = Object.fromEntries(attrNames.map((name) => [name, attrs?.[name]]));
  if (Object.values(tensors).some((t) => t === undefined) || Object.values(values).some((v) => typeof v !== 'number')) {
    throw new Error(`${kernelName} expects ${inputNames.join(', ')} and numeric ${attrNames.join(', ')}.`);
  }
  return { tensors: tensors as Record<I, tf.TensorInfo>, values: values as Record<A, number> };
}
