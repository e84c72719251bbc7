import { z } from 'zod';
import type { DataSource } from '../contracts/DataSource.js';
import { defineDataSource } from './defineDataSource.js';
import { drawSamples } from './drawSamples.js';

const optionsSchema = z.strictObject({
  /** Std of the Gaussian noise added to each coordinate (sklearn's `noise`). */
  noise: z.number().min(0).default(0.25),
  // The WGAN-GP toy code divides by 7.5 after sampling.
  scale: z
    .number()
    .positive()
    .default(1 / 7.5),
});

/** sklearn's make_swiss_roll, columns 0 and 2 (the roll seen end-on), as in the WGAN-GP code. */
export const swissRoll = defineDataSource({
  kind: 'data',
  id: 'swissroll',
  aliases: ['swiss-roll'],
  description: '2-D swiss roll: sklearn make_swiss_roll(noise 0.25) columns (x, z), divided by 7.5 (WGAN-GP toy data).',
  optionsSchema,
  create: ({ noise, scale }): DataSource => ({
    id: 'swissroll',
    shape: [2],
    definition: `scale * (t cos t + noise * e1, t sin t + noise * e2), t = 1.5 pi (1 + 2u), u ~ U[0, 1), e ~ N(0, I_2); noise ${noise}, scale ${scale}`,
    // Per sample: u, then the x noise, then the z noise (sklearn's unused y column is not drawn).
    sample: (n, rng) =>
      drawSamples(n, [2], rng, (out, offset, r) => {
        const t = 1.5 * Math.PI * (1 + 2 * r.uniform());
        out[offset] = (t * Math.cos(t) + noise * r.normal()) * scale;
        out[offset + 1] = (t * Math.sin(t) + noise * r.normal()) * scale;
      }),
  }),
});
