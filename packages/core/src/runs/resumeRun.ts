import { resolve } from 'node:path';
import { amendConfig, configValueAt } from '../config/amendConfig.js';
import { ConfigError } from '../config/ConfigError.js';
import { deepFreeze } from '../config/deepFreeze.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { importPlugin } from '../plugins/importPlugin.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { loadCheckpoint, verifyCheckpoint } from './checkpoint.js';
import { createRun, type Run, type RunOptions } from './createRun.js';
import { RunDirectory } from './RunDirectory.js';

export interface ResumeOptions extends Omit<RunOptions, 'directory'> {
  readonly plugins?: readonly IpmPlugin[];
  /**
   * Config changes to continue with (`--set path=value`): only fields that leave the
   * checkpoint meaningful (see amendConfig). They are recorded in amendments.json with the
   * iteration they take effect from, once the run is rebuilt and its checkpoint loaded.
   */
  readonly changes?: readonly { readonly path: string; readonly value: unknown }[];
}

/**
 * Reopens a run directory at its latest checkpoint: the same resolved config (with its
 * amendments and any new `changes`), the weights, optimizer slots, random stream and
 * iteration, and metrics.jsonl cut back to that iteration, so the run continues exactly as
 * if it had never stopped.
 */
export async function resumeRun(path: string, projectDir: string, options: ResumeOptions = {}): Promise<Run> {
  // Everything is read and validated before anything in the directory changes.
  const directory = RunDirectory.open(resolve(projectDir, path), '--resume');
  const saved = directory.readConfig();
  // Every metrics line validated now: a bad one is refused before the lock or any write.
  directory.readMetrics();
  const checkpoint = directory.latestCheckpoint();
  if (!checkpoint) throw new ConfigError(`--resume: ${directory.path} has no checkpoint to resume from`);
  verifyCheckpoint(checkpoint.path);
  const changes = (options.changes ?? []).map(({ path: field, value }) => ({
    path: field,
    from: configValueAt(saved, field),
    to: value,
  }));
  const config = deepFreeze(changes.length === 0 ? saved : amendConfig(saved, changes, '--set'));
  if (changes.some((c) => c.path === 'training.iterations') && config.training.iterations <= checkpoint.iteration)
    throw new ConfigError(
      `--set: training.iterations ${String(config.training.iterations)} is not past the checkpoint's iteration ${String(checkpoint.iteration)}`,
    );
  const plugins = options.plugins ?? [
    corePlugin,
    await importPlugin(config.objective.package, projectDir, 'objective.package'),
    ...(await Promise.all(config.plugins.map((p, i) => importPlugin(p, projectDir, `plugins.${String(i)}`)))),
  ];
  const run = await createRun(config, plugins, { ...options, directory });
  try {
    await loadCheckpoint(run.trainer, checkpoint.path);
    // The first write: from here on this process is the run's only writer.
    directory.beginWriting('--resume');
    const now = directory.latestCheckpoint();
    if (now?.iteration !== checkpoint.iteration)
      throw new ConfigError(
        `--resume: ${directory.latestPath} changed while the run was being opened (another writer?); try again`,
      );
    if (changes.length > 0) directory.addAmendment({ fromIteration: checkpoint.iteration + 1, changes });
    directory.truncateMetrics(checkpoint.iteration);
  } catch (error) {
    run.dispose();
    throw error;
  }
  if (run.checkpointer) run.checkpointer.lastCheckpoint = checkpoint.path;
  return run;
}
