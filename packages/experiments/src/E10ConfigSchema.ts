import { ExtensionRefSchema } from '@ipmgan/core';
import { z } from 'zod';
import { ObjectiveEntrySchema } from './ObjectiveEntrySchema.js';

const GaussianSchema = z.strictObject({ mean: z.number(), std: z.number().positive() });

/** experiments/e10-clipped-gan.yaml: a GAN discriminator with weight clipping at several c (Appendix G.1) against WGAN's critic. */
export const E10ConfigSchema = z
  .strictObject({
    name: z.string().min(1).default('e10-clipped-gan'),
    seed: z.number().int().min(0).max(4294967295).default(0),
    backend: z.enum(['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu']).default('wasm'),
    real: GaussianSchema,
    generated: GaussianSchema,
    criticNetwork: ExtensionRefSchema.default({ name: 'mlp', options: { hidden: [64, 64, 64] } }),
    /** The clipping values c of the GAN discriminator, ascending: the first is "small", the last "large". */
    clips: z.array(z.number().positive()).min(2),
    /** The GAN discriminator (objective gan); its weight clipping is set from `clips`. */
    discriminator: ObjectiveEntrySchema.default({ name: 'gan', options: {}, critic: {}, optimizers: {} }),
    /** WGAN's critic (objective wgan, its own clipping). */
    critic: ObjectiveEntrySchema.default({ name: 'wgan', options: {}, critic: {}, optimizers: {} }),
    criticSteps: z.number().int().positive(),
    batchSize: z.number().int().positive().default(256),
    /** Generated samples the gradients and the saturation are measured at. */
    evaluationSamples: z.number().int().positive().default(1024),
    /** The x grid of the figure and of the linearity fit. */
    grid: z.strictObject({ from: z.number(), to: z.number(), points: z.number().int().min(3).default(241) }),
  })
  .superRefine((config, context) => {
    if (config.discriminator.name !== 'gan' && config.discriminator.name !== 'standard-gan')
      context.addIssue({ code: 'custom', path: ['discriminator', 'name'], message: 'expected "gan"' });
    if (config.discriminator.critic.constraints)
      context.addIssue({
        code: 'custom',
        path: ['discriminator', 'critic', 'constraints'],
        message: 'expected none: the clipping comes from clips',
      });
    if (config.critic.name !== 'wgan' && config.critic.name !== 'wgan-clip')
      context.addIssue({ code: 'custom', path: ['critic', 'name'], message: 'expected "wgan"' });
    config.clips.forEach((c, i) => {
      if (i > 0 && c <= (config.clips[i - 1] ?? 0))
        context.addIssue({ code: 'custom', path: ['clips', i], message: 'expected ascending values' });
    });
    if (config.grid.to <= config.grid.from)
      context.addIssue({ code: 'custom', path: ['grid', 'to'], message: 'expected a number > grid.from' });
  });

export type E10Config = z.output<typeof E10ConfigSchema>;
export type E10ConfigInput = z.input<typeof E10ConfigSchema>;
