import { tf } from '@ipmgan/core';

/**
 * The hinge losses SN-GAN trains with (Miyato et al. 2018, Sec. 4; Lim and Ye 2017), from
 * critic scores f(x) [batch] and f(g(z)) [batch]: the critic minimises
 * E[max(0, 1 - f(x))] + E[max(0, 1 + f(g(z)))], the generator -E[f(g(z))].
 */
export const hingeLosses = {
  critic: (realScores: tf.Tensor1D, fakeScores: tf.Tensor1D): tf.Scalar =>
    tf.add(tf.mean(tf.relu(tf.sub(1, realScores))), tf.mean(tf.relu(tf.add(1, fakeScores)))),
  generator: (fakeScores: tf.Tensor1D): tf.Scalar => tf.neg(tf.mean<tf.Scalar>(fakeScores)),
  /** E[f(x)] - E[f(g(z))]: a lower bound on W1 for a critic with Lipschitz constant at most 1. */
  estimate: (realScores: tf.Tensor1D, fakeScores: tf.Tensor1D): tf.Scalar =>
    tf.sub(tf.mean(realScores), tf.mean(fakeScores)),
};
