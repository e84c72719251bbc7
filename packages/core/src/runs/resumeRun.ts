import { resolve } from 'node:path';
import { ConfigError } from '../config/ConfigError.js';
import { deepFreeze } from '../config/deepFreeze.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { importPlugin } from '../plugins/importPlugin.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { loadCheckpoint, verifyCheckpoint } from './checkpoint.js';
import { createRun, type Run, type RunOptions } from './createRun.js';
import { RunDirectory } from './RunDirectory.js';

/**
 * Reopens a run directory at its latest checkpoint: the same resolved config, the
 * weights, optimizer slots, random stream and iteration, and metrics.jsonl cut back to
 * that iteration, so the run continues exactly as if it had never stopped.
 */
export async function resumeRun(
  path: string,
  projectDir: string,
  options: Omit<RunOptions, 'directory'> & { readonly plugins?: readonly IpmPlugin[] } = {},
): Promise<Run> {
  // Everything is read and validated before anything in the directory changes.
  const directory = RunDirectory.open(resolve(projectDir, path), '--resume', { clean: true });
  const config = deepFreeze(directory.readConfig());
  const checkpoint = directory.latestCheckpoint();
  if (!checkpoint) throw new ConfigError(`--resume: ${directory.path} has no checkpoint to resume from`);
  verifyCheckpoint(checkpoint.path);
  const plugins = options.plugins ?? [
    corePlugin,
    await importPlugin(config.objective.package, projectDir, 'objective.package'),
    ...(await Promise.all(config.plugins.map((p, i) => importPlugin(p, projectDir, `plugins.${String(i)}`)))),
  ];
  const run = await createRun(config, plugins, { ...options, directory });
  await loadCheckpoint(run.trainer, checkpoint.path);
  directory.truncateMetrics(checkpoint.iteration);
  if (run.checkpointer) run.checkpointer.lastCheckpoint = checkpoint.path;
  return run;
}
