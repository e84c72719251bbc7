import { createRun, type IpmPlugin, type ResolvedConfig, type Run, type TrainerHook } from '@ipmgan/core';

/**
 * Trains a run (no directory) of `config` to its iterations through core's Trainer with `hooks`
 * recording what the experiment measures, and disposes it. `prepare` reaches into the run before
 * training (E8 wraps the critic's optimizer). Returns the seconds of prepare and fit. An aborted
 * `signal` stops the training after its current iteration and throws the signal's reason.
 */
export async function fitRun(
  config: ResolvedConfig,
  plugins: readonly IpmPlugin[],
  hooks: readonly TrainerHook[],
  prepare?: (run: Run) => void,
  signal?: AbortSignal,
): Promise<number> {
  const run = await createRun(config, plugins, { directory: null, hooks });
  const start = performance.now();
  try {
    prepare?.(run);
    await run.trainer.fit(signal ? { signal } : {});
    signal?.throwIfAborted();
  } finally {
    run.dispose();
  }
  return (performance.now() - start) / 1000;
}
