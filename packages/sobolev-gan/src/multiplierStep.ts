import { tf } from '@ipmgan/core';

/**
 * The multiplier's own step, lambda <- lambda - rho dL/dlambda = lambda - rho (1 - Omega)
 * (Algorithm 1, "SGD rule on lambda with learning rate rho"): descent in lambda while the
 * critic ascends L. lambda grows while Omega > 1, which makes the term lambda (1 - Omega) of L
 * cost the critic more for a larger gradient, and shrinks while Omega < 1.
 */
export function multiplierStep(lambda: tf.Scalar, constraint: tf.Scalar, rho: number): tf.Scalar {
  return tf.sub(lambda, tf.mul(rho, constraint));
}
