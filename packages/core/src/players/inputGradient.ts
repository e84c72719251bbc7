// tfjs-core itself, not ../tensorflow.js: @ipmgan/core exports this and must not load the backends.
import { clone, grad, sum, type Tensor, type Tensor1D } from '@tensorflow/tfjs-core';

/**
 * d(sum_i f(x)_i)/dx, the same shape as x: for an f that treats rows independently (no batch
 * norm), row i is the gradient of f(x)_i at x_i. Usable inside a loss on the tape: the result
 * is differentiable in the weights f reads (a gradient of a gradient), so a critic loss may
 * penalise it, as WGAN-GP's penalty and Sobolev GAN's constraint do. Second-order gradients
 * exist in tfjs for ReLU and leaky ReLU, not for tanh or sigmoid.
 *
 * f is differentiated at a copy of x. Inside a tape tfjs records a nested gradient on the outer
 * tape, so differentiating at x itself would also follow every path from x recorded earlier: an
 * f that reads the step's critic outputs on the real batch (a witness's reference means) at
 * x = that real batch would get their derivative added. At the copy those are constants: this
 * is the partial gradient of f in its argument.
 */
export function inputGradient(f: (x: Tensor) => Tensor1D, x: Tensor): Tensor {
  return grad((input: Tensor) => sum(f(input)))(clone(x));
}
