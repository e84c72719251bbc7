import type { IpmPlugin, TrainerHook } from '@ipmgan/core';
import { openRun, type ResolvedConfig } from '@ipmgan/core/engine';

/**
 * Trains a run (no directory) of `config` to its iterations through core's Trainer with `hooks`
 * recording what the experiment measures, and disposes it. Returns the seconds of fit. An aborted
 * `signal` stops the training after its current iteration and throws the signal's reason.
 */
export async function fitRun(
  config: ResolvedConfig,
  plugins: readonly IpmPlugin[],
  hooks: readonly TrainerHook[],
  signal?: AbortSignal,
): Promise<number> {
  const run = await openRun({ resolved: config, plugins }, { directory: null, hooks });
  const start = performance.now();
  try {
    await run.trainer.fit(signal ? { signal } : {});
    signal?.throwIfAborted();
  } finally {
    run.dispose();
  }
  return (performance.now() - start) / 1000;
}
