import { tf } from '@ipmgan/core';
import { pairwiseSquaredDistances } from '@ipmgan/mmd';

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

/** k - S between every row of a [n, k] and every row of b [m, k]: [n, m]. */
function kernelMatrix(a: tf.Tensor2D, b: tf.Tensor2D, bandwidths: readonly number[]): tf.Tensor2D {
  return kernelMinusCount(pairwiseSquaredDistances(a, b), bandwidths);
}

/** Mean of the off-diagonal entries of a square [n, n] matrix. */
function offDiagonalMean(k: tf.Tensor2D): tf.Scalar {
  const n = k.shape[0];
  if (n < 2) throw new Error('the unbiased MMD^2 needs at least two samples per side');
  return tf.div(tf.sum(tf.mul(k, tf.sub(tf.ones([n, n]), tf.eye(n)))), n * (n - 1));
}

type Estimator = (x: tf.Tensor2D, y: tf.Tensor2D, bandwidths: readonly number[]) => tf.Scalar;

/**
 * MMD^2(P, Q) = E k(x, x') + E k(y, y') - 2 E k(x, y) under a mixture of Gaussian kernels, from
 * features x [n, k] ~ P and y [m, k] ~ Q (Gretton et al. 2012, Eqs. 3 and 5), with k - S in
 * place of k (kernelMinusCount): the same value in exact arithmetic, exact to float32's
 * relative precision however close the features lie.
 */
export const featureMmd2: Readonly<Record<'biased' | 'unbiased', Estimator>> = {
  /** V-statistic: every mean includes i = j; >= 0, exactly 0 for a batch against itself. */
  biased: (x, y, bandwidths) =>
    tf.tidy(() =>
      tf.sub(
        tf.add(tf.mean(kernelMatrix(x, x, bandwidths)), tf.mean(kernelMatrix(y, y, bandwidths))),
        tf.mul(tf.mean(kernelMatrix(x, y, bandwidths)), 2),
      ),
    ),
  /** U-statistic: the within-sample means skip i = j; unbiased, can be negative. */
  unbiased: (x, y, bandwidths) =>
    tf.tidy(() =>
      tf.sub(
        tf.add(offDiagonalMean(kernelMatrix(x, x, bandwidths)), offDiagonalMean(kernelMatrix(y, y, bandwidths))),
        tf.mul(tf.mean(kernelMatrix(x, y, bandwidths)), 2),
      ),
    ),
};
