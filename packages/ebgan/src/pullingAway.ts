import { tf } from '@ipmgan/core';

/**
 * EBGAN's pulling-away term (Zhao et al. 2017, Sec. 2.4) on the codes S [batch, codeSize]
 * of the fake batch: PT = 1 / (N (N - 1)) sum_{i != j} (s_i.s_j / (|s_i| |s_j|))^2, the mean
 * squared cosine between distinct codes. 0 for mutually orthogonal codes, 1 for parallel ones;
 * added to the generator loss, it pushes generated samples apart (against mode collapse).
 * A batch of one has no pair: PT = 0.
 */
export function pullingAway(codes: tf.Tensor2D): tf.Scalar {
  const n = codes.shape[0];
  if (n < 2) return tf.scalar(0);
  return tf.tidy(() => {
    // The 1e-12 keeps the gradient of |s| finite at a zero code.
    const norms = tf.sqrt(tf.add(tf.sum(tf.square(codes), 1, true), 1e-12)); // [N, 1]
    const unit = tf.div(codes, norms); // [N, codeSize]
    const cosines = tf.matMul(unit, unit, false, true); // [N, N]
    const offDiagonal = tf.sub(1, tf.eye(n)); // [N, N]
    return tf.div(tf.sum(tf.mul(tf.square(cosines), offDiagonal)), n * (n - 1));
  });
}
