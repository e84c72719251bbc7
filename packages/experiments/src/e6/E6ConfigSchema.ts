import { ExtensionRefSchema } from '@ipmgan/core/engine';
import { z } from 'zod';
import { ClipsSchema } from '../ClipsSchema.js';
import { clippedByClips } from '../clippedByClips.js';
import { ObjectiveEntrySchema } from '../ObjectiveEntrySchema.js';
import { TrainedRunSchema } from '../TrainedRunSchema.js';

/** experiments/e6-clipping.yaml: WGAN trained with weight clipping at several c. */
export const E6ConfigSchema = z.strictObject({
  name: z.string().min(1).default('e6-clipping'),
  ...TrainedRunSchema.shape,
  // A deeper critic, so that the per-layer gradient norms show what happens with depth.
  criticNetwork: ExtensionRefSchema.default({ name: 'mlp', options: { hidden: [64, 64, 64, 64] } }),
  /** The clipping values c: the first is "small", the last "large". */
  clips: ClipsSchema,
  /** The WGAN entry (objective wgan); its weight clipping is set from `clips`. */
  objective: clippedByClips(
    ObjectiveEntrySchema.refine((entry) => entry.name === 'wgan' || entry.name === 'wgan-clip', {
      path: ['name'],
      message: 'expected "wgan"',
    }),
  ).default({ name: 'wgan', options: {}, critic: {}, optimizers: {} }),
  iterations: z.number().int().positive(),
  batchSize: z.number().int().positive().default(64),
  /** Measure every this many generator iterations (and at the last). */
  recordEvery: z.number().int().positive(),
  /** Generated and real samples of each exact W1 and gradient measurement. */
  evaluationSamples: z.number().int().positive().max(4096).default(512),
});

export type E6Config = z.output<typeof E6ConfigSchema>;
