import { z } from 'zod';
import { TwoGaussiansSchema } from '../TwoGaussiansSchema.js';

/** experiments/e10-clipped-gan.yaml: a GAN discriminator with weight clipping at several c (Appendix G.1) against WGAN's critic. */
export const E10ConfigSchema = z
  .strictObject({
    name: z.string().min(1).default('e10-clipped-gan'),
    ...TwoGaussiansSchema.shape,
    /** The clipping values c of the GAN discriminator, ascending: the first is "small", the last "large". */
    clips: z.array(z.number().positive()).min(2),
  })
  .superRefine((config, context) => {
    // The discriminator's weight clipping is set from `clips`.
    if (config.discriminator.critic.constraints)
      context.addIssue({
        code: 'custom',
        path: ['discriminator', 'critic', 'constraints'],
        message: 'expected none: the clipping comes from clips',
      });
    config.clips.forEach((c, i) => {
      if (i > 0 && c <= (config.clips[i - 1] ?? 0))
        context.addIssue({ code: 'custom', path: ['clips', i], message: 'expected ascending values' });
    });
  });

export type E10Config = z.output<typeof E10ConfigSchema>;
