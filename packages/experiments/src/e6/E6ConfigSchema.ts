import { ExtensionRefSchema } from '@ipmgan/core/engine';
import { z } from 'zod';
import { ObjectiveEntrySchema } from '../ObjectiveEntrySchema.js';
import { TrainedRunSchema } from '../TrainedRunSchema.js';

/** experiments/e6-clipping.yaml: WGAN trained with weight clipping at several c. */
export const E6ConfigSchema = z
  .strictObject({
    name: z.string().min(1).default('e6-clipping'),
    ...TrainedRunSchema.shape,
    // A deeper critic, so that the per-layer gradient norms show what happens with depth.
    criticNetwork: ExtensionRefSchema.default({ name: 'mlp', options: { hidden: [64, 64, 64, 64] } }),
    /** The clipping values c, ascending: the first is "small", the last "large". */
    clips: z.array(z.number().positive()).min(2),
    /** The WGAN entry (objective wgan); its weight clipping is set from `clips`. */
    objective: ObjectiveEntrySchema.default({ name: 'wgan', options: {}, critic: {}, optimizers: {} }),
    iterations: z.number().int().positive(),
    batchSize: z.number().int().positive().default(64),
    /** Measure every this many generator iterations (and at the last). */
    recordEvery: z.number().int().positive(),
    /** Generated and real samples of each exact W1 and gradient measurement. */
    evaluationSamples: z.number().int().positive().max(4096).default(512),
  })
  .superRefine((config, context) => {
    if (config.objective.name !== 'wgan' && config.objective.name !== 'wgan-clip')
      context.addIssue({ code: 'custom', path: ['objective', 'name'], message: 'expected "wgan"' });
    if (config.objective.critic.constraints)
      context.addIssue({
        code: 'custom',
        path: ['objective', 'critic', 'constraints'],
        message: 'expected none: the clipping comes from clips',
      });
    config.clips.forEach((c, i) => {
      if (i > 0 && c <= (config.clips[i - 1] ?? 0))
        context.addIssue({ code: 'custom', path: ['clips', i], message: 'expected ascending values' });
    });
  });

export type E6Config = z.output<typeof E6ConfigSchema>;
