import { ExtensionRefSchema, OptimizerConfigSchema, ScheduleConfigSchema } from '@ipmgan/core/engine';
import { z } from 'zod';

/**
 * One objective of an experiment: the pieces of a core config that differ between
 * objectives. Anything left out takes the objective's own defaults (core's resolveConfig).
 */
export const ObjectiveEntrySchema = z.strictObject({
  /** The objective's id or alias: wgan, gan, ebgan, mmd. */
  name: z.string().min(1),
  /** Shown in tables and figures; default: the name. Labels must be unique. */
  label: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." or "-"')
    .optional(),
  /** The objective's own options (validated by its plugin's schema). */
  options: z.record(z.string(), z.unknown()).default({}),
  critic: z
    .strictObject({
      /** Default: the form the objective requires; naming another is an error. */
      form: z.enum(['score', 'features', 'autoencoder']).optional(),
      network: ExtensionRefSchema.optional(),
      constraints: z.array(ExtensionRefSchema).optional(),
    })
    .default({}),
  optimizers: z
    .strictObject({ critic: OptimizerConfigSchema.optional(), generator: OptimizerConfigSchema.optional() })
    .default({}),
  schedule: ScheduleConfigSchema.optional(),
  batchSize: z.number().int().positive().optional(),
});

export type ObjectiveEntry = z.output<typeof ObjectiveEntrySchema>;
