import { tf } from '@ipmgan/core';

/**
 * WGAN losses (Algorithm 1) from critic scores f(x) [batch] and f(g(z)) [batch].
 * The critic minimises E[f(g(z))] - E[f(x)], i.e. maximises the dual of W1 (Theorem 3);
 * the generator minimises -E[f(g(z))].
 */
export const wassersteinLosses = {
  critic: (realScores: tf.Tensor1D, fakeScores: tf.Tensor1D): tf.Scalar =>
    tf.sub(tf.mean(fakeScores), tf.mean(realScores)),
  generator: (fakeScores: tf.Tensor1D): tf.Scalar => tf.neg(tf.mean<tf.Scalar>(fakeScores)),
  /** -critic loss: W1(P_r, P_g) times the critic's Lipschitz constant K, at the optimal critic. */
  estimate: (realScores: tf.Tensor1D, fakeScores: tf.Tensor1D): tf.Scalar =>
    tf.sub(tf.mean(realScores), tf.mean(fakeScores)),
};
