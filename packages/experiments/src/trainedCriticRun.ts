import { openRun, type Run } from '@ipmgan/core/engine';
import type { ObjectiveEntry } from './ObjectiveEntrySchema.js';
import { resolveEntry, type RunBase } from './resolveEntry.js';
import { trainCritic } from './trainCritic.js';

/**
 * A run (no directory) of one objective entry on `base` whose critic has been trained alone
 * for `steps` steps of `batchSize` with the generator frozen. The caller disposes the run. An aborted `signal` stops it within one critic step.
 */
export async function trainedCriticRun(
  base: RunBase,
  entry: ObjectiveEntry,
  field: string,
  steps: number,
  batchSize: number,
  signal?: AbortSignal,
): Promise<Run> {
  const { config, plugins } = await resolveEntry(entry, base, field);
  const run = await openRun({ resolved: config, plugins }, { directory: null });
  try {
    await trainCritic(run, steps, batchSize, signal);
  } catch (error) {
    run.dispose();
    throw error;
  }
  return run;
}
