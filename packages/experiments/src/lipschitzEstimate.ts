import { tf, type Critic } from '@ipmgan/core';
import { criticGradientNorms } from './criticGradientNorms.js';

/**
 * K: the largest gradient norm of the critic over the real points, the generated points
 * and random interpolates between them (u ~ U[0, 1] per pair, from `seed`); the same
 * points the metrics contract names for its `lipschitz` metric.
 */
export function lipschitzEstimate(critic: Critic, real: tf.Tensor, fake: tf.Tensor, seed: number): number {
  const interpolates = tf.tidy(() => {
    const shape = [real.shape[0], ...real.shape.slice(1).map(() => 1)];
    const u = tf.randomUniform(shape, 0, 1, 'float32', seed);
    return tf.add(real, tf.mul(u, tf.sub(fake, real)));
  });
  let k = 0;
  for (const x of [real, fake, interpolates]) for (const norm of criticGradientNorms(critic, x)) k = Math.max(k, norm);
  interpolates.dispose();
  return k;
}
