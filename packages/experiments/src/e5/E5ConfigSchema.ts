import { ExtensionRefSchema } from '@ipmgan/core/engine';
import { z } from 'zod';
import { LabelledEntriesSchema } from '../LabelledEntriesSchema.js';
import { TrainedRunSchema } from '../TrainedRunSchema.js';

/** experiments/e5-mnist.yaml: MLP generators on the shipped MNIST digits, judged by a digit classifier. */
export const E5ConfigSchema = z
  .strictObject({
    name: z.string().min(1).default('e5-mnist'),
    ...TrainedRunSchema.shape,
    /** Core's mnist source; range minus-one-one matches the generator's tanh output. */
    data: ExtensionRefSchema.default({ name: 'mnist', options: { range: 'minus-one-one' } }),
    noiseDimension: z.number().int().positive().default(100),
    /** The paper's Figure 8 generator: 4 hidden ReLU layers of 512 units. */
    generatorNetwork: ExtensionRefSchema.default({
      name: 'mlp',
      options: { hidden: [512, 512, 512, 512], outputActivation: 'tanh' },
    }),
    criticNetwork: ExtensionRefSchema.default({ name: 'mlp', options: { hidden: [512, 512, 512] } }),
    /** The objectives, each with its own optimizer defaults; the claims read the labels wgan and gan. */
    objectives: LabelledEntriesSchema,
    iterations: z.number().int().positive(),
    batchSize: z.number().int().positive().default(64),
    /** The estimate is logged every this many generator iterations. */
    logEvery: z.number().int().positive().default(10),
    /** Quality measured every this many generator iterations (and at the last). */
    recordEvery: z.number().int().positive(),
    /** Generated (and real) digits of each quality measurement. */
    evaluationSamples: z.number().int().min(2).max(10000).default(1000),
    /** A class is covered when it holds at least this share of the generated digits. */
    coverageShare: z.number().min(0).max(1).default(0.01),
    /** Iterations at which a sheet of 64 samples (the same noise each time) is written. */
    sheetIterations: z.array(z.number().int().positive()).default([]),
    classifier: z
      .strictObject({
        hidden: z.array(z.number().int().positive()).default([256]),
        features: z.number().int().positive().default(64),
        heldOutPerClass: z.number().int().positive().default(200),
        trainPerClass: z.number().int().positive().optional(),
        epochs: z.number().int().positive().default(5),
        batchSize: z.number().int().positive().default(128),
        lr: z.number().positive().default(1e-3),
      })
      .default({ hidden: [256], features: 64, heldOutPerClass: 200, epochs: 5, batchSize: 128, lr: 1e-3 }),
  })
  .superRefine((config, context) => {
    if (config.data.name !== 'mnist')
      context.addIssue({
        code: 'custom',
        path: ['data', 'name'],
        message: 'expected "mnist" (the classifier reads digits)',
      });
    config.sheetIterations.forEach((it, i) => {
      if (it > config.iterations)
        context.addIssue({
          code: 'custom',
          path: ['sheetIterations', i],
          message: `expected at most iterations (${String(config.iterations)})`,
        });
    });
  });

export type E5Config = z.output<typeof E5ConfigSchema>;
