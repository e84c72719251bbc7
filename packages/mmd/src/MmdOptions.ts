import { z } from 'zod';

/** The options of the `mmd` objective, validated once when the config is resolved. */
export const MmdOptions = z.strictObject({
  /**
   * The s of k(x, y) = sum_s exp(-||x - y||^2 / (2 s^2)) (s, not GMMN's s^2), or `median`:
   * recomputed on every batch as the median pairwise distance of the pooled real + fake
   * batch (a constant, no gradient through it), times each of `medianFactors`. Per batch,
   * because a fixed scale taken from data goes stale as the generator moves and differs
   * between the ring (median ~2) and MNIST (median ~10).
   */
  bandwidths: z.union([z.literal('median'), z.array(z.number().positive()).min(1)]).default('median'),
  /**
   * Multipliers of the median with `bandwidths: median` (ignored with a list). The default
   * spans 1/8 to 2 times the median, a factor of 16 like MMD-GAN's {1, 2, 4, 8, 16}; GMMN's
   * MNIST set [2, 5, 10, 20, 40, 80] in its s^2 form is s = 1.4 to 8.9, about 1/7 to 1 times
   * MNIST's median distance, and the 1/8 scale resolves the ring's modes (1.08 apart).
   */
  medianFactors: z.array(z.number().positive()).min(1).default([0.125, 0.25, 0.5, 1, 2]),
  /**
   * The estimator the generator minimises. `unbiased` (U-statistic) by default: its mean is
   * MMD^2 itself, while the biased one weights the fake-fake repulsion by (n - 1) / n of the
   * unbiased weight, a small pull towards collapse. `linear` costs O(n) with more variance.
   */
  estimator: z.enum(['biased', 'unbiased', 'linear']).default('unbiased'),
  /**
   * `mmd2` minimises the estimate itself (default: finite gradients at 0, and an unbiased
   * estimate below 0 still has a gradient); `sqrt` minimises sqrt(max(MMD^2, 1e-8)), GMMN's choice.
   */
  loss: z.enum(['mmd2', 'sqrt']).default('mmd2'),
});

export type MmdOptions = z.output<typeof MmdOptions>;
