import { inputGradient, tf } from '@ipmgan/core';

/**
 * The critic's Sobolev norm on the dominant measure mu = (P + Q)/2 (Mroueh et al. 2018, Sec. 5,
 * Algorithm 1): Omega = E_mu ||grad_x f(x)||^2 = (E_P ||grad_x f||^2 + E_Q ||grad_x f||^2)/2,
 * estimated on the real batch and the fake batch, each weighted 1/2 whatever their sizes. The
 * gradient is taken once, on the mixture (real and fake stacked); `critic` must treat samples
 * independently (no batch norm), as for WGAN-GP's penalty. Differentiable in the critic's
 * weights (a gradient of a gradient): ReLU and leaky ReLU critics have it in tfjs.
 */
export function sobolevNorm(critic: (x: tf.Tensor) => tf.Tensor1D, real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  const [n = 0] = real.shape;
  const [m = 0] = fake.shape;
  return tf.tidy(() => {
    const mixture = tf.concat([real, fake], 0); // [n + m, ...sampleShape]
    const gradient = inputGradient(critic, mixture); // [n + m, ...sampleShape]
    const squared = tf.sum(tf.square(tf.reshape(gradient, [n + m, -1])), 1); // [n + m]
    const [onReal, onFake] = tf.split(squared, [n, m]);
    return tf.mul<tf.Scalar>(0.5, tf.add(tf.mean(onReal as tf.Tensor), tf.mean(onFake as tf.Tensor)));
  });
}
