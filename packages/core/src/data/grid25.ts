import { z } from 'zod';
import { defineDataSource } from './defineDataSource.js';
import { gaussianMixture, mixtureModes } from './gaussianMixture.js';

const optionsSchema = z.strictObject({
  std: z.number().positive().default(0.05),
  // The WGAN-GP toy code divides everything by 2.828 (not exactly 2 sqrt 2) after sampling.
  scale: z
    .number()
    .positive()
    .default(1 / 2.828),
});

const GRID = [-4, -2, 0, 2, 4];
// Row-major: centre 5a + b is (GRID[a], GRID[b]).
const CENTRES = GRID.flatMap((i) => GRID.map((j) => [i, j]));

/** The 25-Gaussian grid of the WGAN-GP toy experiments. */
export const grid25 = defineDataSource({
  kind: 'data',
  id: 'grid25',
  aliases: ['25gaussians', 'grid'],
  description:
    '25 equal-weight Gaussians on a 5x5 grid (WGAN-GP toy data): means (i, j), i, j in {-4,-2,0,2,4}, std 0.05, all scaled by 1/2.828.',
  optionsSchema,
  modes: ({ std, scale }) => mixtureModes(CENTRES, std, scale),
  create: ({ std, scale }) =>
    gaussianMixture(
      'grid25',
      CENTRES,
      std,
      scale,
      `scale * ((i, j) + N(0, std^2 I_2)), (i, j) ~ U{-4,-2,0,2,4}^2; std ${std}, scale ${scale}`,
    ),
});
