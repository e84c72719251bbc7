import * as tf from '@tensorflow/tfjs-core';
import { LEAKY_RELU_GRAD } from './fusedKernelNames.js';

/** tfjs's own formula: where(x > 0, dy, slope dy), or dy * step(x) for ReLU. */
function composite(dy: tf.Tensor, x: tf.Tensor, slope: number): tf.Tensor {
  if (slope === 0) return tf.mul(dy, tf.cast(tf.step(x), 'float32'));
  return tf.where(tf.greater(x, 0), dy, tf.mul(dy, slope));
}

function leakyReluGradient(dy: tf.Tensor, x: tf.Tensor, slope: number): tf.Tensor {
  const fused = tf.getKernel(LEAKY_RELU_GRAD, tf.getBackend()) as tf.KernelConfig | undefined;
  if (fused === undefined || dy.dtype !== 'float32' || x.dtype !== 'float32') return composite(dy, x, slope);
  return tf.engine().runKernel<tf.Tensor>(LEAKY_RELU_GRAD, { dy, x }, { slope });
}

/**
 * The gradients of Relu and LeakyRelu through the one-pass native kernel where the active
 * backend has it, tfjs's composite elsewhere (same values: x > 0 ? dy : slope dy), and the
 * kernel's own gradient, for second derivatives (a gradient penalty differentiates the critic's
 * input gradient): linear in dy with the same mask, zero in x almost everywhere, as tfjs's
 * composite differentiates (step and where pass no gradient to x).
 */
export const reluGradients: readonly tf.GradConfig[] = [
  {
    kernelName: tf.Relu,
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => {
      const [x] = saved;
      if (x === undefined || Array.isArray(dy)) throw new Error('Relu gradient expects saved x and one dy.');
      return { x: () => leakyReluGradient(dy, x, 0) };
    },
  },
  {
    kernelName: tf.LeakyRelu,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved;
      if (x === undefined || Array.isArray(dy)) throw new Error('LeakyRelu gradient expects saved x and one dy.');
      const { alpha } = attrs as unknown as tf.LeakyReluAttrs;
      return { x: () => leakyReluGradient(dy, x, alpha) };
    },
  },
  {
    kernelName: LEAKY_RELU_GRAD,
    inputsToSave: ['x'],
    gradFunc: (ddx, saved, attrs) => {
      const [x] = saved;
      if (x === undefined || Array.isArray(ddx))
        throw new Error(`${LEAKY_RELU_GRAD} gradient expects saved x and one dy.`);
      const { slope } = attrs as { slope: number };
      return { dy: () => leakyReluGradient(ddx, x, slope), x: () => tf.zerosLike(x) };
    },
  },
];
