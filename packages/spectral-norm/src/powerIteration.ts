import { tf } from '@ipmgan/core';

/** PyTorch's spectral_norm epsilon: normalising a zero vector gives zero, not NaN. */
const NORM_FLOOR = 1e-12;

/** x / max(||x||, 1e-12). */
function normalise(x: tf.Tensor): tf.Tensor {
  return tf.div(x, tf.maximum(tf.norm(x), NORM_FLOOR));
}

/** The identity whose gradient is 0: u and v are constants of sigma's gradient (Miyato et al., Sec. 2.2). */
const constant = tf.customGrad((x) => {
  if (!(x instanceof tf.Tensor)) throw new TypeError('constant: expected a tensor');
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
});

/** One power-iteration step and the spectral norm it estimates. */
export interface PowerIterationStep {
  /** The updated left vector, [out]: carried to the next step. */
  readonly u: tf.Tensor1D;
  /** The right vector, [in]. */
  readonly v: tf.Tensor1D;
  /** sigma(K) = v^T K u, differentiable in K with u and v held constant. */
  readonly sigma: tf.Scalar;
}

/**
 * One step of Miyato et al. (2018), Appendix A, Algorithm 1, for a kernel stored as K = W^T: [in, out]
 * (a dense layer computes x K; a convolution's [h, w, inC, outC] kernel is reshaped to
 * [h w inC, outC] first, as the paper does):
 *   v = K u / ||K u||,   u' = K^T v / ||K^T v||,   sigma = v^T K u'.
 * Repeated, u converges to the top right-singular vector of K (the top left-singular
 * vector of W) and sigma to the largest singular value; one step per forward pass is
 * enough in training because K changes little between steps (the paper's Appendix A).
 */
export function powerIteration(kernel: tf.Tensor2D, u: tf.Tensor1D): PowerIterationStep {
  const [inUnits, outUnits] = kernel.shape;
  return tf.tidy(() => {
    // Plain matMuls without transpose flags (wasm runs flagged matMuls far slower).
    const v = constant(normalise(tf.reshape(tf.matMul(kernel, tf.reshape(u, [outUnits, 1])), [1, inUnits]))); // [1, in]
    const next = constant(normalise(tf.matMul(v, kernel))); // [1, out]
    const sigma = tf.sum<tf.Scalar>(tf.mul(tf.matMul(v, kernel), next)); // v^T K u'
    return {
      u: tf.reshape<tf.Rank.R1>(next, [outUnits]),
      v: tf.reshape<tf.Rank.R1>(v, [inUnits]),
      sigma,
    };
  });
}
