import { tf } from '@ipmgan/core';

/** lambda and the variant of WGAN-GP's penalty (Gulrajani et al. 2017, Eq. 3 and Sec. 4). */
export interface GradientPenaltyWeights {
  readonly lambda: number;
  /** max(0, ||g|| - 1)^2 instead of (||g|| - 1)^2: penalise only gradients above 1 (the paper's footnote on the one-sided form). */
  readonly oneSided: boolean;
}

/**
 * Keeps the norm's gradient finite where a ReLU critic is locally constant (g = 0, where
 * d||g||/dg = g/||g|| is 0/0); below float32 resolution of any norm near 1.
 */
const NORM_FLOOR = 1e-12;

/**
 * WGAN-GP's penalty lambda * E[(||grad_x f(x_hat)||_2 - 1)^2] on the interpolates
 * x_hat_i = eps_i real_i + (1 - eps_i) fake_i (Algorithm 1, lines 6-7). `score` must treat
 * samples independently (no batch norm, as the paper requires), so that the gradient of
 * sum_i f(x_hat_i) with respect to x_hat is the per-sample gradient. Differentiable with
 * respect to the critic's weights (a gradient of a gradient).
 */
export function gradientPenaltyTerm(
  score: (x: tf.Tensor) => tf.Tensor1D,
  real: tf.Tensor, // [batch, ...sampleShape]
  fake: tf.Tensor, // [batch, ...sampleShape]
  eps: tf.Tensor1D, // [batch], each in [0, 1]
  weights: GradientPenaltyWeights,
): tf.Scalar {
  const [n = 0, ...sampleShape] = real.shape;
  return tf.tidy(() => {
    const e = tf.reshape(eps, [n, ...sampleShape.map(() => 1)]); // [batch, 1, ...]
    const between = tf.add(tf.mul(e, real), tf.mul(tf.sub(1, e), fake)); // [batch, ...sampleShape]
    const gradient = tf.grad((x: tf.Tensor) => tf.sum(score(x)))(between); // [batch, ...sampleShape]
    const squared = tf.sum(tf.square(tf.reshape(gradient, [n, -1])), 1); // [batch]
    const gap = tf.sub(tf.sqrt(tf.add(squared, NORM_FLOOR)), 1); // [batch]
    const excess = weights.oneSided ? tf.relu(gap) : gap;
    return tf.mul(weights.lambda, tf.mean<tf.Scalar>(tf.square(excess)));
  });
}
