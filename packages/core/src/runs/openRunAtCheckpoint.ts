import { resolve } from 'node:path';
import { ConfigError } from '../config/ConfigError.js';
import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import { importPlugin } from '../plugins/importPlugin.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { loadCheckpoint } from './checkpoint.js';
import { createRun, type Run } from './createRun.js';
import { RunDirectory } from './RunDirectory.js';

/**
 * Rebuilds a run from its directory and loads a checkpoint (the latest, or the one of
 * `iteration`) without attaching a directory: nothing is written into the run. Its
 * objective and plugin packages are imported from `cwd`; `path` names the run in errors.
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
    if (!latest) throw new ConfigError(`${path}: the run has no checkpoint yet`);
    checkpoint = latest.path;
  } else {
    const saved = directory.savedCheckpoints();
    if (!saved.includes(iteration))
      throw new ConfigError(
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
