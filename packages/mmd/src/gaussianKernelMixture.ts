import { tf } from '@ipmgan/core';

/**
 * k = sum_s exp(-d^2 / (2 s^2)) applied to squared distances d^2 (any shape). `bandwidths`
 * are the s themselves, not s^2: GMMN writes exp(-d^2 / (2 sigma)) with sigma playing s^2.
 * The loop runs over the few bandwidths, never over samples.
 */
export function gaussianKernelMixture<T extends tf.Tensor>(squaredDistances: T, bandwidths: readonly number[]): T {
  if (bandwidths.length === 0) throw new Error('gaussianKernelMixture needs at least one bandwidth');
  return tf.tidy(() => tf.addN(bandwidths.map((s) => tf.exp(tf.mul(squaredDistances, -1 / (2 * s * s)))))) as T;
}
