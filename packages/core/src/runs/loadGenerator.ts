import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import type { Generator } from '../contracts/Generator.js';
import { openRun } from './openRun.js';

/** A run's generator at a checkpoint, with what it was trained on. */
export interface LoadedGenerator {
  readonly generator: Generator;
  readonly config: ResolvedConfig;
  /** The checkpoint's iteration. */
  readonly iteration: number;
  /** Frees the generator's (and the rebuilt run's) tensors. */
  dispose(): void;
}

/**
 * The generator of the run in `runDir` at its latest checkpoint (or at `options.checkpoint`),
 * rebuilt from config.resolved.json with the run's objective and plugin packages imported from
 * `options.cwd` (default: the current directory). Nothing is written into the run. Sample
 * with `generator.sample(n, new Rng(seed))`, or feed your own noise to `generator.generate(z, false)`.
 */
export async function loadGenerator(
  runDir: string,
  options: { readonly checkpoint?: number; readonly cwd?: string } = {},
): Promise<LoadedGenerator> {
  const run = await openRun({
    runDirectory: runDir,
    cwd: options.cwd ?? process.cwd(),
    mode: 'read',
    ...(options.checkpoint === undefined ? {} : { iteration: options.checkpoint }),
  });
  const iteration = run.checkpoint?.iteration ?? 0;
  return { generator: run.trainer.generator, config: run.config, iteration, dispose: () => { run.dispose(); } };
}
