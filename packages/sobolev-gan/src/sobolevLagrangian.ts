import { tf } from '@ipmgan/core';

/** The augmented Lagrangian of one batch and the constraint it penalises. */
export interface SobolevLagrangian {
  /** L = E_P f - E_Q f + lambda (1 - Omega) - rho/2 (1 - Omega)^2: the critic ascends it. */
  readonly lagrangian: tf.Scalar;
  /** 1 - Omega: dL/dlambda, 0 when the constraint holds. */
  readonly constraint: tf.Scalar;
}

/**
 * Sobolev GAN's critic objective (Mroueh et al. 2018, Sec. 5, Algorithm 1) from critic scores
 * f(x) [batch] on P (real) and f(g(z)) [batch] on Q (fake) and the Sobolev norm of the critic,
 * Omega = E_mu ||grad_x f(x)||^2 (see `sobolevNorm`): the IPM E_P f - E_Q f with Omega held
 * at 1 by the multiplier lambda and the quadratic penalty rho.
 */
export function sobolevLagrangian(
  realScores: tf.Tensor1D,
  fakeScores: tf.Tensor1D,
  omega: tf.Scalar,
  lambda: tf.Scalar | number,
  rho: number,
): SobolevLagrangian {
  return tf.tidy(() => {
    const ipm = tf.sub(tf.mean(realScores), tf.mean(fakeScores));
    const constraint = tf.sub<tf.Scalar>(1, omega);
    const lagrangian = tf.sub<tf.Scalar>(
      tf.add(ipm, tf.mul(lambda, constraint)),
      tf.mul(rho / 2, tf.square(constraint)),
    );
    return { lagrangian, constraint };
  });
}
