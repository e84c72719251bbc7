import { z } from 'zod';
import { TwoGaussiansSchema } from '../TwoGaussiansSchema.js';

/** configs/e2-optimal-critic.yaml: the paper's optimal discriminator and critic between two 1-D Gaussians. */
export const E2ConfigSchema = z.strictObject({
  name: z.string().min(1).default('e2-optimal-critic'),
  ...TwoGaussiansSchema.shape,
});

export type E2Config = z.output<typeof E2ConfigSchema>;
