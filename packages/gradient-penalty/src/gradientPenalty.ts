import { tf, type ConstraintExtension } from '@ipmgan/core';
import { z } from 'zod';
import { gradientPenaltyTerm } from './gradientPenaltyTerm.js';

const GradientPenaltyOptions = z.strictObject({
  /** lambda of Eq. 3; 10 in every experiment of the paper (Sec. 4, Algorithm 1); its toy-data code used 0.1. */
  lambda: z.number().nonnegative().default(10),
  /** Penalise only gradient norms above 1: max(0, ||g|| - 1)^2 (the one-sided variant the paper discusses in Sec. 4). */
  oneSided: z.boolean().default(false),
});

/**
 * WGAN-GP's gradient penalty (Gulrajani et al. 2017, Eq. 3, Algorithm 1 lines 4-7) as a
 * critic constraint: on each critic step, eps_i ~ U[0, 1] per sample from the constraint's
 * own random stream, x_hat = eps real + (1 - eps) fake, and lambda E[(||grad f(x_hat)|| - 1)^2]
 * added to the critic loss. The critic must not use batch norm (paper Sec. 4) and needs
 * second-order gradients: ReLU and leaky ReLU have them in tfjs, tanh and sigmoid do not.
 */
export const gradientPenalty: ConstraintExtension<z.output<typeof GradientPenaltyOptions>> = {
  kind: 'constraint',
  id: 'gradient-penalty',
  aliases: ['gp'],
  description:
    'Add lambda E[(||grad f(x_hat)|| - 1)^2] on random interpolates of real and fake to the critic loss (WGAN-GP); oneSided penalises only norms above 1.',
  optionsSchema: GradientPenaltyOptions,
  create: (weights) => ({
    id: 'gradient-penalty',
    penalty({ real, fake, score }, { rng }) {
      const [n = 0] = real.shape;
      // Drawn in sample order from this constraint's stream, so a resumed run draws the same.
      const eps = tf.tensor1d(Float32Array.from({ length: n }, () => rng.uniform())); // [batch]
      return gradientPenaltyTerm(score, real, fake, eps, weights);
    },
  }),
};
