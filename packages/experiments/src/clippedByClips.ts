import type { z } from 'zod';
import type { ObjectiveEntry } from './ObjectiveEntrySchema.js';

/** `entry`, refused when it sets critic.constraints: the experiment's `clips` set the clipping. */
export function clippedByClips<S extends z.ZodType<ObjectiveEntry>>(entry: S) {
  return entry.refine((e) => e.critic.constraints === undefined, {
    path: ['critic', 'constraints'],
    message: 'expected none: the clipping comes from clips',
  });
}
