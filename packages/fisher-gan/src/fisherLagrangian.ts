import { tf } from '@ipmgan/core';

/** The augmented Lagrangian of one batch and the constraint it penalises. */
export interface FisherLagrangian {
  /** L = E_P f - E_Q f + lambda (1 - Omega) - rho/2 (1 - Omega)^2: the critic ascends it. */
  readonly lagrangian: tf.Scalar;
  /** 1 - Omega with Omega = (E_P f^2 + E_Q f^2) / 2: dL/dlambda, 0 when the constraint holds. */
  readonly constraint: tf.Scalar;
}

/**
 * Fisher GAN's critic objective (Mroueh and Sercu 2017, Eq. 9 and Algorithm 1) from critic
 * scores f(x) [batch] on P (real) and f(g(z)) [batch] on Q (fake): the IPM E_P f - E_Q f with
 * the second moment Omega held at 1 by the multiplier lambda and the quadratic penalty rho.
 */
export function fisherLagrangian(
  realScores: tf.Tensor1D,
  fakeScores: tf.Tensor1D,
  lambda: tf.Scalar | number,
  rho: number,
): FisherLagrangian {
  return tf.tidy(() => {
    const ipm = tf.sub(tf.mean(realScores), tf.mean(fakeScores));
    const omega = tf.mul(0.5, tf.add(tf.mean(tf.square(realScores)), tf.mean(tf.square(fakeScores))));
    const constraint = tf.sub<tf.Scalar>(1, omega);
    const lagrangian = tf.sub<tf.Scalar>(
      tf.add(ipm, tf.mul(lambda, constraint)),
      tf.mul(rho / 2, tf.square(constraint)),
    );
    return { lagrangian, constraint };
  });
}

/**
 * The multiplier's own step, lambda <- lambda - rho dL/dlambda = lambda - rho (1 - Omega)
 * (Algorithm 1): gradient descent in lambda with learning rate rho, while the critic ascends
 * L. lambda grows while Omega > 1 (the critic's scores are too large) and shrinks while Omega < 1.
 */
export function multiplierStep(lambda: tf.Scalar, constraint: tf.Scalar, rho: number): tf.Scalar {
  return tf.sub(lambda, tf.mul(rho, constraint));
}
