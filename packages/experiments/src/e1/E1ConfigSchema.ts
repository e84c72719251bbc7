import { ExtensionRefSchema } from '@ipmgan/core/engine';
import { z } from 'zod';
import { LabelledEntriesSchema } from '../LabelledEntriesSchema.js';

/** configs/e1-parallel-lines.yaml: the WGAN paper's Example 1 (Figure 1). */
export const E1ConfigSchema = z.strictObject({
  name: z.string().min(1).default('e1-parallel-lines'),
  seed: z.number().int().min(0).max(4294967295).default(0),
  backend: z.enum(['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu']).default('wasm'),
  /** The critic network every objective with a critic uses (an entry's critic.network overrides it). */
  criticNetwork: ExtensionRefSchema.default({ name: 'mlp', options: { hidden: [64, 64] } }),
  /** Part (a): distances against theta at a frozen generator. */
  distances: z
    .strictObject({
      /** The theta values at which each critic is trained to (near) optimality. */
      thetas: z.array(z.number().min(-1).max(1)).min(1),
      /** Points of the closed-form curves over [-1, 1] (theta = 0 is always added). */
      curvePoints: z.number().int().min(3).default(201),
      criticSteps: z.number().int().positive(),
      batchSize: z.number().int().positive().default(256),
      /** Fresh real and generated samples the final estimate (and the Lipschitz estimate) is taken on. */
      evaluationSamples: z.number().int().positive().default(1024),
    })
    .strict(),
  /** Part (b): training g_theta from theta0 with each objective through the Trainer. */
  training: z.strictObject({
    theta0: z.number().default(1),
    iterations: z.number().int().positive(),
    /** Critic steps at theta0 before the first generator step (the paper trains the critic to optimality). */
    pretrainCriticSteps: z.number().int().nonnegative().default(500),
    /** Record theta every this many generator iterations (and at the last). */
    recordEvery: z.number().int().positive().default(10),
  }),
  objectives: LabelledEntriesSchema,
});

export type E1Config = z.output<typeof E1ConfigSchema>;
