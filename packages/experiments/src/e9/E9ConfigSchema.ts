import { z } from 'zod';
import { LabelledEntriesSchema } from '../LabelledEntriesSchema.js';
import { ObjectiveEntrySchema } from '../ObjectiveEntrySchema.js';
import { TrainedRunSchema } from '../TrainedRunSchema.js';

/** configs/e9-rank-generators.yaml: generators of different quality, each judged by a fresh critic of one architecture and c. */
export const E9ConfigSchema = z
  .strictObject({
    name: z.string().min(1).default('e9-rank-generators'),
    /** criticNetwork: the one critic architecture of every training run and every fresh critic. */
    ...TrainedRunSchema.shape,
    /** The runs whose generators are judged (labels unique), each trained `iterations` through core's Trainer. */
    trainings: LabelledEntriesSchema,
    iterations: z.number().int().positive(),
    batchSize: z.number().int().positive().default(64),
    /** The generator iterations at which each training's generator is taken, ascending. */
    checkpoints: z.array(z.number().int().positive()).min(1),
    /** The fresh critic (objective wgan, one clipping c for every generator). */
    critic: ObjectiveEntrySchema.default({ name: 'wgan', options: {}, critic: {}, optimizers: {} }),
    /** Steps of each fresh critic with its generator frozen. */
    criticSteps: z.number().int().positive(),
    /** Real and generated samples of each estimate, K and exact W1. */
    evaluationSamples: z.number().int().positive().max(4096).default(512),
  })
  .superRefine((config, context) => {
    if (config.critic.name !== 'wgan' && config.critic.name !== 'wgan-clip')
      context.addIssue({ code: 'custom', path: ['critic', 'name'], message: 'expected "wgan"' });
    config.checkpoints.forEach((c, i) => {
      if (i > 0 && c <= (config.checkpoints[i - 1] ?? 0))
        context.addIssue({ code: 'custom', path: ['checkpoints', i], message: 'expected ascending values' });
      if (c > config.iterations)
        context.addIssue({
          code: 'custom',
          path: ['checkpoints', i],
          message: `expected at most iterations (${String(config.iterations)})`,
        });
    });
    if (config.trainings.length * config.checkpoints.length < 3)
      context.addIssue({
        code: 'custom',
        path: ['checkpoints'],
        message: 'expected at least 3 generators (trainings x checkpoints) to rank',
      });
  });

export type E9Config = z.output<typeof E9ConfigSchema>;
