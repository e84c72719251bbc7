import { z } from 'zod';
import { KernelSetSchema } from '../backend/KernelSet.js';
import { OptimizerConfigSchema } from '../optimizers/OptimizerConfig.js';
import { ScheduleConfigSchema } from '../trainer/ScheduleConfig.js';
import { ConfigSchema } from './ConfigSchema.js';

const ResolvedRefSchema = z.strictObject({ name: z.string().min(1), options: z.record(z.string(), z.unknown()) });

/**
 * A run's config.resolved.json as resolveConfig writes it: every default filled in. Read
 * back by resume, eval, sample, report and compare, which trust nothing else about it.
 * Objects are loose where later versions may add fields (data.definition is informational).
 */
export const ResolvedConfigSchema = z.looseObject({
  name: ConfigSchema.shape.name.unwrap(),
  seed: ConfigSchema.shape.seed.unwrap(),
  backend: ConfigSchema.shape.backend.unwrap(),
  native: ConfigSchema.shape.native.unwrap().optional(),
  kernels: KernelSetSchema.optional(),
  plugins: z.array(z.string().min(1)),
  objective: z.looseObject({
    name: z.string().min(1),
    options: z.record(z.string(), z.unknown()),
    package: z.string().min(1),
    version: z.string(),
    usesCritic: z.boolean(),
    estimate: z.strictObject({ name: z.string(), meaning: z.string() }),
  }),
  data: z.looseObject({ name: z.string().min(1), options: z.record(z.string(), z.unknown()) }),
  generator: z.looseObject({
    noise: z.strictObject({
      distribution: z.enum(['gaussian', 'uniform']),
      dimension: z.number().int().positive(),
    }),
    network: ResolvedRefSchema,
  }),
  critic: z
    .looseObject({
      form: z.enum(['score', 'features', 'autoencoder']),
      // The features form's output count; absent in run directories written before it existed.
      features: z.number().int().positive().optional(),
      network: ResolvedRefSchema,
      decoder: ResolvedRefSchema.nullable(),
      codeSize: z.number().int().positive(),
      constraints: z.array(ResolvedRefSchema),
    })
    .nullable(),
  training: z.looseObject({
    iterations: z.number().int().positive(),
    batchSize: z.number().int().positive(),
    schedule: ScheduleConfigSchema,
    optimizers: z.strictObject({ critic: OptimizerConfigSchema, generator: OptimizerConfigSchema }),
  }),
  run: z.looseObject({
    dir: z.string().min(1),
    logEvery: z.number().int().positive(),
    checkpointEvery: z.number().int().nonnegative(),
    sampleEvery: z.number().int().nonnegative(),
    sampleCount: z.number().int().positive(),
    evaluateEvery: z.number().int().nonnegative(),
    // Absent in run directories written before the setting existed.
    tensorboard: z.boolean().default(false),
  }),
  evaluation: z.looseObject({
    samples: z.number().int().positive().max(4096),
    projections: z.number().int().positive(),
    bandwidths: z.array(z.number().positive()).min(1).optional(),
    lipschitz: z.boolean(),
  }),
});
