import { z } from 'zod';
import type { DataSource } from '../contracts/DataSource.js';
import { defineDataSource } from './defineDataSource.js';
import { drawSamples } from './drawSamples.js';

const optionsSchema = z.strictObject({
  mean: z.number().default(0),
  std: z.number().positive().default(1),
});

/**
 * One 1-D Gaussian. The WGAN paper's figure of the optimal discriminator and critic uses
 * two of them: this one as P_r, a generator (or a second instance) as the other.
 */
export const gaussians1d = defineDataSource({
  kind: 'data',
  id: 'gaussian1d',
  description: 'One 1-D Gaussian N(mean, std^2), samples of shape [1] (WGAN paper, two-Gaussian figure).',
  optionsSchema,
  create: ({ mean, std }): DataSource => ({
    id: 'gaussian1d',
    shape: [1],
    definition: `N(mean, std^2) in 1-D; mean ${mean}, std ${std}`,
    sample: (n, rng) =>
      drawSamples(n, [1], rng, (out, i, r) => {
        out[i] = mean + std * r.normal();
      }),
  }),
});
