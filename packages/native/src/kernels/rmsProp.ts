import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import type { NativeKernel } from '../NativeKernel.js';
import { fusedArgs } from './fusedArgs.js';
import { fusedKernel } from './fusedKernel.js';
import { runOnHeap } from './runOnHeap.js';

const NAME = fusedKernelNames.rmsProp;

/**
 * One TorchRmsProp step (@ipmgan/core) in one pass, equal bit for bit to core's composite of
 * wasm ops (csrc/rmsprop.c). Inputs variable, gradient, square[, buffer]; attrs learningRate,
 * alpha, epsilon, momentum; outputs the new variable, square[, buffer] (with momentum > 0).
 */
export const rmsProp: NativeKernel = fusedKernel(NAME, (addon) => ({ inputs, attrs, backend }) => {
  const { tensors, values } = fusedArgs(
    NAME,
    { inputs, attrs },
    ['variable', 'gradient', 'square'],
    ['learningRate', 'alpha', 'epsilon', 'momentum'],
  );
  const { variable, gradient, square } = tensors;
  const { learningRate, alpha, epsilon, momentum } = values;
  const { buffer } = inputs;
  if (momentum > 0 && buffer === undefined) throw new Error(`${NAME} expects a buffer with momentum > 0.`);
  const stepped =
    buffer === undefined || momentum === 0 ? [variable, gradient, square] : [variable, gradient, square, buffer];
  const size = tf.util.sizeFromShape(variable.shape);
  if (stepped.some((t) => t.dtype !== 'float32' || tf.util.sizeFromShape(t.shape) !== size)) {
    throw new Error(`${NAME} expects float32 tensors of one size.`);
  }
  const run = (
    heap: Float32Array,
    at: (info: tf.TensorInfo) => number,
    [outVariable, outSquare, outBuffer]: [tf.TensorInfo, tf.TensorInfo, tf.TensorInfo?],
  ): void => {
    addon.rmsprop(
      heap,
      size,
      at(variable),
      at(gradient),
      at(square),
      buffer === undefined || outBuffer === undefined ? 0 : at(buffer),
      at(outVariable),
      at(outSquare),
      outBuffer === undefined ? 0 : at(outBuffer),
      learningRate,
      alpha,
      1 - alpha,
      epsilon,
      momentum,
    );
  };
  // outputs the new variable, square and (with momentum) buffer
  const shape = variable.shape;
  return momentum > 0 ? runOnHeap(backend, [shape, shape, shape], run) : runOnHeap(backend, [shape, shape], run);
});
