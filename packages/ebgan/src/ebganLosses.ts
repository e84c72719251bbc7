import { tf } from '@ipmgan/core';

/**
 * EBGAN losses seen as total variation (Arjovsky, Chintala, Bottou 2017, Appendix E), from
 * energies D(x) >= 0 on the real batch [batch] and on the fake batch [batch], margin m > 0.
 */
export const ebganLosses = {
  /** L_D = E_r[D(x)] + E_g[max(0, m - D(g(z)))]: flat (gradient 0) for fake energies above m. */
  critic: (realEnergy: tf.Tensor1D, fakeEnergy: tf.Tensor1D, margin: number): tf.Scalar =>
    tf.add(tf.mean(realEnergy), tf.mean(tf.relu(tf.sub(margin, fakeEnergy)))),
  /**
   * L_G = E_g[D(g(z))] - E_r[D(x)]. EBGAN's generator minimises E_g[D(g(z))] alone; the real
   * term does not depend on the generator, so the gradient is the same.
   */
  generator: (realEnergy: tf.Tensor1D, fakeEnergy: tf.Tensor1D): tf.Scalar =>
    tf.sub(tf.mean(fakeEnergy), tf.mean(realEnergy)),
  /**
   * TV ~ 2 L_G / m (Theorem 4), with both energies capped at m first. The proof shows that
   * min(D, m) is optimal whenever D is, and L_G = (m / 2) TV holds at every optimal energy
   * with values in [0, m]; an energy trained through the hinge (flat above m) may exceed m
   * on fakes, and uncapped it would inflate the estimate without bound.
   */
  totalVariation: (realEnergy: tf.Tensor1D, fakeEnergy: tf.Tensor1D, margin: number): tf.Scalar =>
    tf.mul(2 / margin, tf.sub(tf.mean(tf.minimum(fakeEnergy, margin)), tf.mean(tf.minimum(realEnergy, margin)))),
};
