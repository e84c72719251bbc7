import { fusedKernelNames } from '../../backend/fusedKernels.js';
import { tf } from '../../tensorflow.js';

/**
 * The gradient of the fused dense + LeakyReLU(slope) kernel: with g = dy where y > 0, else
 * slope dy (y > 0 exactly where x kernel + bias > 0, as slope >= 0), dx = g kernel^T,
 * dkernel = x^T g, dbias = the column sums of g: the ops tfjs's own MatMul, Add and
 * Relu/LeakyRelu gradients run. g comes from whichever Relu/LeakyRelu gradient is registered
 * (given y for x, which it only compares with 0). dense never runs the fused kernel under
 * nested tapes, so no second derivative is taken through this one.
 */
export const denseActivationGradConfig: tf.GradConfig = {
  kernelName: fusedKernelNames.denseActivation,
  inputsToSave: ['x', 'kernel'],
  outputsToSave: [true],
  gradFunc: (dys, saved, attrs) => {
    const dy = Array.isArray(dys) ? dys[0] : dys;
    const [x, kernel, y] = saved;
    const slope = (attrs as { slope?: unknown } | undefined)?.slope;
    if (dy === undefined || x === undefined || kernel === undefined || y === undefined || typeof slope !== 'number') {
      throw new Error(`${fusedKernelNames.denseActivation} gradient: dy, saved x, kernel, y and a slope expected.`);
    }
    const g = slope === 1 ? dy : activationGradient(dy, y, slope);
    return {
      x: () => tf.matMul(g, kernel, false, true),
      kernel: () => tf.matMul(x, g, true, false),
      bias: () => tf.sum(g, 0),
    };
  },
};

function activationGradient(dy: tf.Tensor, y: tf.Tensor, slope: number): tf.Tensor {
  const config = tf.getGradient(slope === 0 ? 'Relu' : 'LeakyRelu') as tf.GradConfig | undefined;
  const grad = config?.gradFunc(dy, [y], slope === 0 ? {} : { alpha: slope });
  const dx = grad === undefined ? undefined : (grad as Record<string, (() => tf.Tensor) | undefined>)['x'];
  if (dx === undefined) throw new Error(`${fusedKernelNames.denseActivation} gradient: no Relu/LeakyRelu gradient.`);
  return dx();
}
