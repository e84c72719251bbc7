import { ExtensionRefSchema } from '@ipmgan/core/engine';
import { z } from 'zod';
import { ObjectiveEntrySchema } from './ObjectiveEntrySchema.js';

const GaussianSchema = z.strictObject({ mean: z.number(), std: z.number().positive() });

/**
 * The fields of an experiment between two 1-D Gaussians (E2, E10): a GAN discriminator and a
 * WGAN critic of one network, each trained `criticSteps` with the generator frozen at `generated`.
 * Each experiment spreads its shape after its name and before its own fields (the parsed config's
 * key order, written to results.json, stays name first).
 */
export const TwoGaussiansSchema = z.strictObject({
  seed: z.number().int().min(0).max(4294967295).default(0),
  backend: z.enum(['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu']).default('wasm'),
  real: GaussianSchema,
  generated: GaussianSchema,
  criticNetwork: ExtensionRefSchema.default({ name: 'mlp', options: { hidden: [64, 64, 64] } }),
  /** The GAN discriminator (objective gan). */
  discriminator: ObjectiveEntrySchema.refine((entry) => entry.name === 'gan' || entry.name === 'standard-gan', {
    path: ['name'],
    message: 'expected "gan"',
  }).default({ name: 'gan', options: {}, critic: {}, optimizers: {} }),
  /** WGAN's critic (objective wgan, its own clipping). */
  critic: ObjectiveEntrySchema.refine((entry) => entry.name === 'wgan' || entry.name === 'wgan-clip', {
    path: ['name'],
    message: 'expected "wgan"',
  }).default({ name: 'wgan', options: {}, critic: {}, optimizers: {} }),
  criticSteps: z.number().int().positive(),
  batchSize: z.number().int().positive().default(256),
  /** Generated samples the gradients (and E10's saturation) are measured at. */
  evaluationSamples: z.number().int().positive().default(1024),
  /** The x grid of the figure (and of E10's linearity fit). */
  grid: z
    .strictObject({ from: z.number(), to: z.number(), points: z.number().int().min(3).default(241) })
    .refine((grid) => grid.to > grid.from, { path: ['to'], message: 'expected a number > grid.from' }),
});
