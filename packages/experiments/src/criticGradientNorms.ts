import { tf, type Critic } from '@ipmgan/core';

/**
 * |grad_x score(x)| at each row of x [n, ...shape]: the critic scores samples
 * independently (no batch statistics in evaluation mode), so the gradient of the summed
 * scores is each sample's own gradient.
 */
export function criticGradientNorms(critic: Critic, x: tf.Tensor): Float32Array {
  return tf.tidy(() => {
    const gradient = tf.grad((input: tf.Tensor) => tf.sum(critic.evaluate(input, false).score))(x);
    const flat = tf.reshape(gradient, [gradient.shape[0], -1]); // [n, d]
    return tf.norm(flat, 'euclidean', 1).dataSync() as Float32Array; // [n]
  });
}
