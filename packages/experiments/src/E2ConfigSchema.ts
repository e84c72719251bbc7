import { ExtensionRefSchema } from '@ipmgan/core';
import { z } from 'zod';
import { ObjectiveEntrySchema } from './ObjectiveEntrySchema.js';

const GaussianSchema = z.strictObject({ mean: z.number(), std: z.number().positive() });

/** configs/e2-optimal-critic.yaml: the paper's optimal discriminator and critic between two 1-D Gaussians. */
export const E2ConfigSchema = z
  .strictObject({
    name: z.string().min(1).default('e2-optimal-critic'),
    seed: z.number().int().min(0).max(4294967295).default(0),
    backend: z.enum(['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu']).default('wasm'),
    real: GaussianSchema,
    generated: GaussianSchema,
    criticNetwork: ExtensionRefSchema.default({ name: 'mlp', options: { hidden: [64, 64, 64] } }),
    /** The GAN discriminator (objective gan) and the WGAN critic (objective wgan). */
    discriminator: ObjectiveEntrySchema.default({ name: 'gan', options: {}, critic: {}, optimizers: {} }),
    critic: ObjectiveEntrySchema.default({ name: 'wgan', options: {}, critic: {}, optimizers: {} }),
    criticSteps: z.number().int().positive(),
    batchSize: z.number().int().positive().default(256),
    /** Generated samples the gradients are measured at. */
    evaluationSamples: z.number().int().positive().default(1024),
    /** The x grid of the figure. */
    grid: z.strictObject({ from: z.number(), to: z.number(), points: z.number().int().min(3).default(241) }),
  })
  .superRefine((config, context) => {
    if (config.discriminator.name !== 'gan' && config.discriminator.name !== 'standard-gan')
      context.addIssue({ code: 'custom', path: ['discriminator', 'name'], message: 'expected "gan"' });
    if (config.critic.name !== 'wgan' && config.critic.name !== 'wgan-clip')
      context.addIssue({ code: 'custom', path: ['critic', 'name'], message: 'expected "wgan"' });
    if (config.grid.to <= config.grid.from)
      context.addIssue({ code: 'custom', path: ['grid', 'to'], message: 'expected a number > grid.from' });
  });

export type E2Config = z.output<typeof E2ConfigSchema>;
export type E2ConfigInput = z.input<typeof E2ConfigSchema>;
