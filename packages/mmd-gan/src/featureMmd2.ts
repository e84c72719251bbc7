import { tf } from '@ipmgan/core';
import { kernelMmd2 } from '@ipmgan/mmd';

/**
 * k(a, b) - S for the mixture k = sum_s exp(-d^2 / (2 s^2)) of S bandwidths, as
 * sum_s expm1(-d^2 / (2 s^2)) on squared distances d^2 (any shape). Every MMD^2 estimator and
 * witness is a difference of kernel means in which the constant S cancels; written with expm1
 * it keeps float32's relative precision where the features lie close together (clipped at
 * 0.01 they are ~1e-3 apart: k = 1 - 5e-7 rounds to 1 - 4.8e-7 or 1 - 5.4e-7, and the
 * difference of means that is MMD^2 rounds to 0).
 */
export function kernelMinusCount<T extends tf.Tensor>(squaredDistances: T, bandwidths: readonly number[]): T {
  if (bandwidths.length === 0) throw new Error('kernelMinusCount needs at least one bandwidth');
  return tf.tidy(() => tf.addN(bandwidths.map((s) => tf.expm1(tf.mul(squaredDistances, -1 / (2 * s * s)))))) as T;
}

/**
 * MMD^2(P, Q) = E k(x, x') + E k(y, y') - 2 E k(x, y) under a mixture of Gaussian kernels, from
 * features x [n, k] ~ P and y [m, k] ~ Q (@ipmgan/mmd's kernelMmd2), with k - S in place of k
 * (kernelMinusCount): the same value in exact arithmetic, exact to float32's relative precision
 * however close the features lie.
 */
export const featureMmd2 = kernelMmd2(kernelMinusCount);
