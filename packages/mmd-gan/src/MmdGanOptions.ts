import { z } from 'zod';

/** The options of the `mmd-gan` objective, validated once when the config is resolved. */
export const MmdGanOptions = z.strictObject({
  /**
   * n, the critic's output: h(x) has n features and the kernel compares those. The authors'
   * run_exp.sh uses 10 on MNIST, 64 on CelebA and 128 on CIFAR-10 and LSUN (its --nz); 16 here,
   * between MNIST's and the larger sets', and enough for the 2-D toy sets.
   */
  featureSize: z.number().int().positive().default(16),
  /**
   * The s of k(a, b) = sum_s exp(-||a - b||^2 / (2 s^2)) on the features: the paper's and the
   * authors' code's {1, 2, 4, 8, 16}; or `median`: recomputed on every batch as the median
   * pairwise distance of the pooled real + fake features (the first 64 rows of each; a
   * constant, no gradient through it)
   * times each of `medianFactors`, so that the kernel's scale follows the features' (with
   * clipping at 0.01 they lie ~1e-3 apart, where the fixed list sees only their means).
   */
  bandwidths: z.union([z.literal('median'), z.array(z.number().positive()).min(1)]).default([1, 2, 4, 8, 16]),
  /**
   * Multipliers of the median with `bandwidths: median` (ignored with a list): 1/16 to 1, a
   * factor of 16 like the paper's list.
   */
  medianFactors: z.array(z.number().positive()).min(1).default([0.0625, 0.125, 0.25, 0.5, 1]),
  /**
   * The MMD^2 estimator both players optimise: `biased` (the V-statistic, >= 0; the authors'
   * code's mix_rbf_mmd2) or `unbiased` (the U-statistic, whose mean is MMD^2 itself).
   */
  estimator: z.enum(['biased', 'unbiased']).default('biased'),
});

export type MmdGanOptions = z.output<typeof MmdGanOptions>;
