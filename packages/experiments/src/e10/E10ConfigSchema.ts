import { z } from 'zod';
import { ClipsSchema } from '../ClipsSchema.js';
import { clippedByClips } from '../clippedByClips.js';
import { TwoGaussiansSchema } from '../TwoGaussiansSchema.js';

/** experiments/e10-clipped-gan.yaml: a GAN discriminator with weight clipping at several c (Appendix G.1) against WGAN's critic. */
export const E10ConfigSchema = z.strictObject({
  name: z.string().min(1).default('e10-clipped-gan'),
  ...TwoGaussiansSchema.shape,
  /** The GAN discriminator; its weight clipping is set from `clips`. */
  discriminator: clippedByClips(TwoGaussiansSchema.shape.discriminator),
  /** The clipping values c of the GAN discriminator: the first is "small", the last "large". */
  clips: ClipsSchema,
});

export type E10Config = z.output<typeof E10ConfigSchema>;
