import type { IpmPlugin, TrainerHook } from '@ipmgan/core';
import { openRun, type ResolvedConfig, type Run } from '@ipmgan/core/engine';

/**
 * Trains a run (no directory) of `config` to its iterations through core's Trainer with `hooks`
 * recording what the experiment measures, and disposes it. `prepare` reaches into the run before
 * training (E8 wraps the critic's optimizer). Returns the seconds of prepare and fit.
 */
export async function fitRun(
  config: ResolvedConfig,
  plugins: readonly IpmPlugin[],
  hooks: readonly TrainerHook[],
  prepare?: (run: Run) => void,
): Promise<number> {
  const run = await openRun({ resolved: config, plugins }, { directory: null, hooks });
  const start = performance.now();
  try {
    prepare?.(run);
    await run.trainer.fit();
  } finally {
    run.dispose();
  }
  return (performance.now() - start) / 1000;
}
