import { resolve } from 'node:path';
import {
  corePlugin,
  createRun,
  importPlugin,
  loadCheckpoint,
  RunDirectory,
  type ResolvedConfig,
  type Run,
} from '@ipmgan/core/engine';
import { CliError } from './CliError.js';

/**
 * Rebuilds a run from its directory and loads a checkpoint (the latest, or the one of
 * `iteration`) without attaching a directory: nothing is written into the run.
 */
export async function openRunAtCheckpoint(
  path: string,
  cwd: string,
  iteration?: number,
  adjust: (config: ResolvedConfig) => ResolvedConfig = (config) => config,
): Promise<{ run: Run; iteration: number; checkpoint: string }> {
  const directory = RunDirectory.open(resolve(cwd, path), path);
  let checkpoint: string;
  if (iteration === undefined) {
    const latest = directory.latestCheckpoint();
    if (!latest) throw new CliError(`${path}: the run has no checkpoint yet`);
    checkpoint = latest.path;
  } else {
    const saved = directory.savedCheckpoints();
    if (!saved.includes(iteration))
      throw new CliError(
        `--checkpoint: ${path} has no checkpoint at iteration ${String(iteration)}; saved: ${saved.length === 0 ? 'none' : saved.join(', ')}`,
      );
    checkpoint = directory.checkpointPath(iteration);
  }
  const config = adjust(directory.readConfig());
  const plugins = [
    corePlugin,
    await importPlugin(config.objective.package, cwd, 'objective.package'),
    ...(await Promise.all(config.plugins.map((p, i) => importPlugin(p, cwd, `plugins.${String(i)}`)))),
  ];
  const run = await createRun(config, plugins, { baseDir: cwd, directory: null });
  try {
    const loaded = await loadCheckpoint(run.trainer, checkpoint);
    return { run, iteration: loaded, checkpoint };
  } catch (error) {
    run.dispose();
    throw error;
  }
}
