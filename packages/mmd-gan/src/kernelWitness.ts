import { tf } from '@ipmgan/core';
import { pairwiseSquaredDistances } from '@ipmgan/mmd';
import { kernelMinusCount } from './featureMmd2.js';

/**
 * The witness of MMD^2 under the kernel mixture k(a, b) = sum_s exp(-||a - b||^2 / (2 s^2)),
 * evaluated at features h [n, k] against a real batch hReal [p, k] and a fake batch hFake [q, k]:
 * w(h) = mean_j k(h, hReal_j) - mean_j k(h, hFake_j) [n]. Its mean over hReal minus its mean over
 * hFake is the biased (V-statistic) MMD^2 of the two batches (Gretton et al. 2012, Sec. 2.3):
 * the function of x whose mean difference the estimate is, so its input gradient is what K measures.
 * Computed as mean (k - S) - mean (k - S) (kernelMinusCount), exact where the features lie close.
 */
export function kernelWitness(
  h: tf.Tensor2D,
  hReal: tf.Tensor2D,
  hFake: tf.Tensor2D,
  bandwidths: readonly number[],
): tf.Tensor1D {
  return tf.tidy(() => {
    const toReal = kernelMinusCount(pairwiseSquaredDistances(h, hReal), bandwidths); // [n, p]
    const toFake = kernelMinusCount(pairwiseSquaredDistances(h, hFake), bandwidths); // [n, q]
    return tf.sub(tf.mean(toReal, 1), tf.mean(toFake, 1));
  });
}
