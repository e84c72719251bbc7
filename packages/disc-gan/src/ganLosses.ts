import { tf } from '@ipmgan/core';

const LOG2 = Math.log(2);

/** -log D(x) = softplus(-l): stable where log(sigmoid(l)) gives -inf and NaN gradients. */
const minusLogD = (logits: tf.Tensor1D): tf.Tensor1D => tf.softplus(tf.neg(logits));
/** -log(1 - D(x)) = softplus(l). */
const minusLogOneMinusD = (logits: tf.Tensor1D): tf.Tensor1D => tf.softplus(logits);

/**
 * Standard GAN losses (Goodfellow et al. 2014) from discriminator logits l(x) [batch] and
 * l(g(z)) [batch], D = sigmoid(l). Every log goes through softplus, so logits of +-100
 * give finite losses and gradients.
 */
export const ganLosses = {
  /**
   * -E_r[log D] - E_g[log(1 - D)]. With one-sided label smoothing (real target s < 1,
   * Salimans et al. 2016) the real term is -(s log D + (1 - s) log(1 - D)); fakes keep target 0.
   */
  discriminator: (realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D, realTarget = 1): tf.Scalar =>
    tf.tidy(() => {
      const realTerm =
        realTarget === 1
          ? minusLogD(realLogits)
          : tf.add(tf.mul(minusLogD(realLogits), realTarget), tf.mul(minusLogOneMinusD(realLogits), 1 - realTarget));
      return tf.add(tf.mean<tf.Scalar>(realTerm), tf.mean<tf.Scalar>(minusLogOneMinusD(fakeLogits)));
    }),
  /** -E_g[log D(g(z))]: the paper's -log D generator, with strong gradients where D(g(z)) is near 0. */
  nonSaturating: (fakeLogits: tf.Tensor1D): tf.Scalar => tf.mean(minusLogD(fakeLogits)),
  /** E_g[log(1 - D(g(z)))]: the minimax game's generator loss; it saturates as D(g(z)) -> 0. */
  minimax: (fakeLogits: tf.Tensor1D): tf.Scalar => tf.neg(tf.mean<tf.Scalar>(minusLogOneMinusD(fakeLogits))),
  /**
   * 0.5 L + log 2 with L = E_r[log D] + E_g[log(1 - D)] (paper Sec. 4.3): a lower bound on
   * JS(P_r, P_g), tight at the optimal discriminator. Both logs are <= 0, so L <= 0 and the
   * bound never exceeds log 2.
   */
  jsLowerBound: (realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): tf.Scalar =>
    tf.tidy(() => {
      const l = tf.neg(
        tf.add(tf.mean<tf.Scalar>(minusLogD(realLogits)), tf.mean<tf.Scalar>(minusLogOneMinusD(fakeLogits))),
      );
      return tf.add(tf.mul(l, 0.5), LOG2);
    }),
};
