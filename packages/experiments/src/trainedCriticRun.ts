import { createRun, type Run } from '@ipmgan/core';
import { experimentPlugins } from './experimentPlugins.js';
import type { ObjectiveEntry } from './ObjectiveEntrySchema.js';
import { resolveEntry, type RunBase } from './resolveEntry.js';
import { trainCritic } from './trainCritic.js';

/**
 * A run (no directory) of one objective entry on `base` whose critic has been trained alone
 * for `steps` steps of `batchSize` with the generator frozen. The caller disposes it.
 */
export async function trainedCriticRun(
  base: RunBase,
  entry: ObjectiveEntry,
  field: string,
  steps: number,
  batchSize: number,
): Promise<Run> {
  const run = await createRun(resolveEntry(entry, base, field), experimentPlugins, { directory: null });
  try {
    trainCritic(run, steps, batchSize);
  } catch (error) {
    run.dispose();
    throw error;
  }
  return run;
}
