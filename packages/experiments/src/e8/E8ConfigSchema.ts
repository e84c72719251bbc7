import { OptimizerConfigSchema } from '@ipmgan/core/engine';
import { z } from 'zod';
import { ObjectiveEntrySchema } from '../ObjectiveEntrySchema.js';
import { TrainedRunSchema } from '../TrainedRunSchema.js';

/** One critic optimizer of E8; its learning rate is the experiment's `lr`. */
const VariantSchema = z.strictObject({
  label: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." or "-"'),
  /** The critic's optimizer without lr (e.g. { name: adam, beta1: 0.5 }). */
  optimizer: z.record(z.string(), z.unknown()),
});

/** experiments/e8-momentum.yaml: WGAN's critic with RMSProp against Adam at one learning rate. */
export const E8ConfigSchema = z
  .strictObject({
    name: z.string().min(1).default('e8-momentum'),
    ...TrainedRunSchema.shape,
    /** The WGAN entry (objective wgan, its clipping and generator optimizer); the critic's optimizer comes from `variants`. */
    objective: ObjectiveEntrySchema.default({ name: 'wgan', options: {}, critic: {}, optimizers: {} }),
    /** The one critic learning rate of every variant. */
    lr: z.number().positive(),
    variants: z.array(VariantSchema).min(2),
    iterations: z.number().int().positive(),
    batchSize: z.number().int().positive().default(64),
    /** Exact W1 every this many generator iterations (and at the last). */
    recordEvery: z.number().int().positive(),
    evaluationSamples: z.number().int().positive().max(4096).default(512),
    /** A blow-up: the estimate falls below `drop` x its largest value over the previous `window` iterations, after `warmup`. */
    blowUp: z
      .strictObject({
        window: z.number().int().positive().default(50),
        drop: z.number().positive().lt(1).default(0.5),
        warmup: z.number().int().nonnegative().default(100),
        /** Critic steps within this many generator iterations of a blow-up count as "at" it. */
        near: z.number().int().nonnegative().default(10),
      })
      .default({ window: 50, drop: 0.5, warmup: 100, near: 10 }),
  })
  .superRefine((config, context) => {
    if (config.objective.name !== 'wgan' && config.objective.name !== 'wgan-clip')
      context.addIssue({ code: 'custom', path: ['objective', 'name'], message: 'expected "wgan"' });
    config.variants.forEach((v, i) => {
      const parsed = OptimizerConfigSchema.safeParse({ ...v.optimizer, lr: config.lr });
      if (!parsed.success)
        context.addIssue({
          code: 'custom',
          path: ['variants', i, 'optimizer'],
          message: `expected an optimizer (rmsprop, adam, sgd) without lr: ${parsed.error.issues[0]?.message ?? ''}`,
        });
      if (config.variants.findIndex((w) => w.label === v.label) !== i)
        context.addIssue({ code: 'custom', path: ['variants', i, 'label'], message: 'expected a unique label' });
    });
  });

export type E8Config = z.output<typeof E8ConfigSchema>;
