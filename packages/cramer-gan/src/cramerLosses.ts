import { tf } from '@ipmgan/core';
import { rowNorms } from './featureDistances.js';

/**
 * The Cramer GAN critic of Algorithm 1 (Bellemare et al. 2017): f(x) = ||h(x) - h(x'_g)|| - ||h(x)||
 * from the features h [n, k] of the points and those of their partners, independent generated
 * points x'_g [n, k] (row i with row i): [n].
 */
export function cramerCritic(h: tf.Tensor2D, hPartner: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sub(rowNorms(tf.sub(h, hPartner)), rowNorms(h)));
}

/**
 * Algorithm 1's losses from the features of m triples (x_r, x_g, x'_g), row i of each one
 * triple, before the gradient penalty:
 * - surrogate = mean f(x_r) - mean f(x_g) with f's partner x'_g; the critic minimises
 *   -surrogate + the penalty;
 * - generator = mean (||h(x_r) - h(x_g)|| + ||h(x_r) - h(x'_g)|| - ||h(x_g) - h(x'_g)||), the
 *   energy distance less its E||h(x_r) - h(x'_r)||, which does not depend on the generator.
 */
export function cramerLosses(
  hReal: tf.Tensor2D, // [m, k]
  hGenerated: tf.Tensor2D, // [m, k]
  hGeneratedPartner: tf.Tensor2D, // [m, k]
): { readonly surrogate: tf.Scalar; readonly generator: tf.Scalar } {
  return tf.tidy(() => {
    const surrogate = tf.sub<tf.Scalar>(
      tf.mean(cramerCritic(hReal, hGeneratedPartner)),
      tf.mean(cramerCritic(hGenerated, hGeneratedPartner)),
    );
    const generator = tf.mean<tf.Scalar>(
      tf.sub(
        tf.add(rowNorms(tf.sub(hReal, hGenerated)), rowNorms(tf.sub(hReal, hGeneratedPartner))),
        rowNorms(tf.sub(hGenerated, hGeneratedPartner)),
      ),
    );
    return { surrogate, generator };
  });
}
