import type { CompareProgress } from './CompareProgress.js';
import type { PlannedRun } from './PlannedRun.js';
import type { RunResult } from './RunResult.js';
import { trainInChild } from './trainInChild.js';

/**
 * Trains the planned runs in at most `workers` child processes at once, in plan order,
 * and returns their results in plan order (null: never started). `onEnded` hears each result
 * as its child exits. Aborting `signal` stops every running child after its current iteration
 * (with a checkpoint) and starts no more; a failed run does not stop the others.
 */
export async function runInWorkers(
  runs: readonly PlannedRun[],
  workers: number,
  baseDir: string,
  progress: CompareProgress,
  signal: AbortSignal,
  onEnded: (result: RunResult) => void = () => undefined,
): Promise<(RunResult | null)[]> {
  const results: (RunResult | null)[] = runs.map(() => null);
  const stops = new Set<() => void>();
  signal.addEventListener('abort', () => {
    for (const stop of stops) stop();
  });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < runs.length && !signal.aborted) {
      const index = next++;
      const run = runs[index];
      if (!run) continue;
      progress.started(run);
      const result = await trainInChild(run, baseDir, progress, stops);
      progress.ended(result);
      onEnded(result);
      results[index] = result;
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, runs.length) }, lane));
  return results;
}
