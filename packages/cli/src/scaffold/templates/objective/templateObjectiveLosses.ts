import { tf } from '@ipmgan/core';

/**
 * The losses of an integral probability metric with a score critic f, from the critic's
 * scores f(x) [batch] on real data and f(g(z)) [batch] on generated data:
 *
 *   gamma_F(P_r, P_g) = sup_{f in F} E_r[f(x)] - E_g[f(g(z))]
 *
 * The critic class F is not in these formulas: it is the Lipschitz constraint the defaults
 * attach to the critic (weight clipping, as in WGAN), together with the critic network.
 * Change the constraint or the network to get another IPM; change these functions to get
 * another objective.
 */
export const templateObjectiveLosses = {
  /** The critic maximises the gap, i.e. minimises E_g[f] - E_r[f]. */
  critic: (realScores: tf.Tensor1D, fakeScores: tf.Tensor1D): tf.Scalar =>
    tf.sub(tf.mean(fakeScores), tf.mean(realScores)),
  /** The generator minimises the gap; E_r[f] does not depend on it, so -E_g[f] suffices. */
  generator: (fakeScores: tf.Tensor1D): tf.Scalar => tf.neg(tf.mean<tf.Scalar>(fakeScores)),
  /** E_r[f] - E_g[f]: the IPM at the optimal critic, a lower bound of it for any other. */
  estimate: (realScores: tf.Tensor1D, fakeScores: tf.Tensor1D): tf.Scalar =>
    tf.sub(tf.mean(realScores), tf.mean(fakeScores)),
};
