import { tf } from '@ipmgan/core';

/** E_r[h(x)] - E_g[h(x)] [n] from the features h(x) [batch, n] of each batch. */
const meanGap = (realFeatures: tf.Tensor2D, fakeFeatures: tf.Tensor2D): tf.Tensor1D =>
  tf.sub(tf.mean(realFeatures, 0), tf.mean(fakeFeatures, 0));

/** ||E_r[h(x)] - E_g[h(x)]||. */
const distance = (realFeatures: tf.Tensor2D, fakeFeatures: tf.Tensor2D): tf.Scalar =>
  tf.sqrt(tf.sum<tf.Scalar>(tf.square(meanGap(realFeatures, fakeFeatures))));

/**
 * Mean feature matching with a feature critic h: R^d -> R^n, from the critic's features on
 * real data h(x) [batch, n] and on generated data h(g(z)) [batch, n]:
 *
 *   distance = ||E_r[h(x)] - E_g[h(g(z))]||
 *
 * The critic maximises the distance minus (lambda / 2) E||h||^2 over both batches: the
 * penalty keeps the features bounded (scaling h by c gains c, costs c^2), so the objective
 * needs no Lipschitz constraint. With linear features, a fake shifted by s from a real
 * N(0, I) gives s^2 / (lambda (1 + s^2 / 2)) at the optimum: 0, 2/3 and 18/11 at s = 0, 1, 3.
 */
export const templateObjectiveLosses = {
  /** The critic maximises the penalised distance, i.e. minimises (lambda / 2) E||h||^2 - ||gap||. */
  critic: (realFeatures: tf.Tensor2D, fakeFeatures: tf.Tensor2D, lambda: number): tf.Scalar =>
    tf.sub<tf.Scalar>(
      tf.mul(lambda / 2, tf.mean(tf.sum(tf.square(tf.concat([realFeatures, fakeFeatures], 0)), 1))),
      distance(realFeatures, fakeFeatures),
    ),
  /** The generator minimises the distance. */
  generator: (realFeatures: tf.Tensor2D, fakeFeatures: tf.Tensor2D): tf.Scalar => distance(realFeatures, fakeFeatures),
  /** ||E_r[h] - E_g[h]||: the distance between the feature means. */
  estimate: (realFeatures: tf.Tensor2D, fakeFeatures: tf.Tensor2D): tf.Scalar => distance(realFeatures, fakeFeatures),
  /**
   * The witness w(x) = h(x) . u [m] with u = gap / ||gap|| given by the two batches (0 when
   * they have the same mean; it does not depend on x): E_r[w] - E_g[w] = ||gap||, the
   * estimate, so K (the critic's Lipschitz constant, which core measures on the witness in x)
   * is that of what the estimate is made of.
   */
  witness: (realFeatures: tf.Tensor2D, fakeFeatures: tf.Tensor2D, features: tf.Tensor2D): tf.Tensor1D => {
    const gap = meanGap(realFeatures, fakeFeatures); // [n]
    const direction = tf.divNoNan(gap, tf.sqrt(tf.sum(tf.square(gap)))); // [n]
    return tf.squeeze(tf.matMul(features, tf.expandDims(direction, 1)), [1]); // [m]
  },
};
