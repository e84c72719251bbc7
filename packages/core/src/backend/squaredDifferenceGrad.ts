// tfjs-core itself: tensorflow.ts registers this while it loads, before its `tf` exists.
import {
  broadcast_util,
  mul,
  reshape,
  sub,
  sum,
  SquaredDifference,
  type GradConfig,
  type Tensor,
} from '@tensorflow/tfjs-core';

/** g summed over the axes that broadcasting added or stretched to reach `outShape`, in `shape`. */
function unbroadcast(g: Tensor, shape: readonly number[], outShape: readonly number[]): Tensor {
  const axes = broadcast_util.getReductionAxes([...shape], [...outShape]);
  return reshape(axes.length > 0 ? sum(g, axes) : g, [...shape]);
}

/**
 * The gradient of squaredDifference(a, b) = (a - b)^2: d/da = 2 (a - b) dy, d/db = 2 (b - a) dy,
 * each summed back to its input's shape. tfjs 4.22's own returns them in the broadcast shape,
 * so any broadcast use (x [n, d] against a mean [d]) fails with "The gradient of input 'b' has
 * shape '3,2', which does not match the shape of the input '2'". Built from differentiable ops:
 * a gradient of it (double backprop) works too.
 */
export const squaredDifferenceGradConfig: GradConfig = {
  kernelName: SquaredDifference,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved) => {
    const [a, b] = saved;
    if (!a || !b) throw new Error('SquaredDifference gradient: inputs a and b were not saved');
    const outShape = broadcast_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const dyTensor = Array.isArray(dy) ? dy[0] : dy;
    if (!dyTensor) throw new Error('SquaredDifference gradient: no upstream gradient');
    return {
      a: () => unbroadcast(mul(dyTensor, mul(2, sub(a, b))), a.shape, outShape),
      b: () => unbroadcast(mul(dyTensor, mul(2, sub(b, a))), b.shape, outShape),
    };
  },
};
