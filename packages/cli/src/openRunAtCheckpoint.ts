import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  checkpointName,
  corePlugin,
  createRun,
  importPlugin,
  latestCheckpoint,
  loadCheckpoint,
  RunDirectory,
  type ResolvedConfig,
  type Run,
} from '@ipmgan/core';
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
  const directory = new RunDirectory(resolve(cwd, path));
  if (!existsSync(directory.configPath))
    throw new CliError(`${path}: not a run directory (no config.resolved.json in ${directory.path})`);
  let checkpoint: string;
  if (iteration === undefined) {
    const latest = latestCheckpoint(directory.checkpointsPath);
    if (!latest) throw new CliError(`${path}: the run has no checkpoint yet`);
    checkpoint = latest.path;
  } else {
    checkpoint = join(directory.checkpointsPath, checkpointName(iteration));
    if (!existsSync(join(checkpoint, 'manifest.json'))) {
      const saved = existsSync(directory.checkpointsPath)
        ? readdirSync(directory.checkpointsPath)
            .filter((n) => /^iter-\d{7}$/.test(n))
            .map((n) => String(Number(n.slice(5))))
        : [];
      throw new CliError(
        `--checkpoint: ${path} has no checkpoint at iteration ${String(iteration)}; saved: ${saved.length === 0 ? 'none' : saved.join(', ')}`,
      );
    }
  }
  const config = adjust(directory.readConfig() as ResolvedConfig);
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
