import { z } from 'zod';
import { defineDataSource } from './defineDataSource.js';
import { gaussianMixture, mixtureModes } from './gaussianMixture.js';

const optionsSchema = z.strictObject({
  radius: z.number().positive().default(2),
  std: z.number().positive().default(0.02),
  // The WGAN-GP toy code divides everything by 1.414 (not exactly sqrt 2) after sampling.
  scale: z
    .number()
    .positive()
    .default(1 / 1.414),
});

/** Angles 2 pi k / 8 for k = 0..7: 8 distinct modes (linspace(0, 2 pi, 8) would repeat one). */
const centresOf = (radius: number): number[][] =>
  Array.from({ length: 8 }, (_, k) => {
    const angle = (2 * Math.PI * k) / 8;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });

/** The 8-Gaussian ring of the WGAN-GP toy experiments. */
export const ring8 = defineDataSource({
  kind: 'data',
  id: 'ring8',
  aliases: ['8gaussians', 'ring'],
  description: '8 equal-weight Gaussians on a circle (WGAN-GP toy data): radius 2, std 0.02, all scaled by 1/1.414.',
  optionsSchema,
  modes: ({ radius, std, scale }) => mixtureModes(centresOf(radius), std, scale),
  create: ({ radius, std, scale }) =>
    gaussianMixture(
      'ring8',
      centresOf(radius),
      std,
      scale,
      `scale * (c_k + N(0, std^2 I_2)), k ~ U{0..7}, c_k = radius * (cos(2 pi k/8), sin(2 pi k/8)); radius ${radius}, std ${std}, scale ${scale}`,
    ),
});
