import { resolve as resolvePath } from 'node:path';
import { amendConfig, configValueAt } from '../config/amendConfig.js';
import { ConfigError } from '../config/ConfigError.js';
import { ConfigSchema, type ParsedConfig } from '../config/ConfigSchema.js';
import { deepFreeze } from '../config/deepFreeze.js';
import { loadConfigFile } from '../config/loadConfigFile.js';
import { parseOrThrow } from '../config/parseOrThrow.js';
import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import { resolveParsed, type Resolved } from '../config/resolveConfig.js';
import type { Objective } from '../contracts/Objective.js';
import { ExtensionRegistry } from '../plugins/ExtensionRegistry.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { pluginsFor } from '../plugins/pluginsFor.js';
import { loadCheckpoint, verifyCheckpoint } from './checkpoint.js';
import { createRun, type Run, type RunOptions } from './createRun.js';
import { RunDirectory } from './RunDirectory.js';

/** A config change to continue a run with (`--set path=value`), recorded in amendments.json. */
export interface RunChange {
  readonly path: string;
  readonly value: unknown;
}

/** Where a run comes from. */
export type RunSource =
  /**
   * A config file, found from `cwd` as `ipmgan train` finds it (or `file`), its raw contents
   * edited by `edit` first (the CLI's --set and --iterations). Relative paths in it resolve
   * against the file's folder, and the plugins it names are imported from there.
   */
  | {
      readonly file: string | undefined;
      readonly cwd: string;
      readonly edit?: (raw: unknown) => unknown;
      /** Default: pluginsFor(the config, the file's folder). */
      readonly plugins?: readonly IpmPlugin[];
    }
  /** A config object, raw (`config`) or resolved (`resolved`); `plugins` default: pluginsFor(config, baseDir). */
  | { readonly config: unknown; readonly plugins?: readonly IpmPlugin[]; readonly baseDir?: string }
  | { readonly resolved: ResolvedConfig; readonly plugins?: readonly IpmPlugin[]; readonly baseDir?: string }
  /**
   * A run directory (`path`, relative to `cwd`), with its saved config and its plugins:
   * - 'resume' (train --resume) continues it from its latest checkpoint, writing into it,
   *   with `changes` recorded as an amendment;
   * - 'continue' (a compare worker) resumes it when it has a checkpoint, else starts it
   *   from iteration 0 (discarding what a run killed before its first checkpoint wrote);
   * - 'read' (eval, sample) loads the checkpoint of `iteration` (default: the latest) and
   *   attaches no directory: nothing is written into the run. `adjust` edits its config.
   */
  | (RunDirectoryBase & {
      readonly mode: 'resume' | 'continue';
      readonly changes?: readonly RunChange[];
      /** Relative paths of the config resolve against this; default: the current directory. */
      readonly baseDir?: string;
    })
  | (RunDirectoryBase & {
      readonly mode: 'read';
      readonly iteration?: number;
      readonly adjust?: (config: ResolvedConfig) => ResolvedConfig;
    });

interface RunDirectoryBase {
  readonly runDirectory: string;
  /** The run directory's path and its plugins resolve from here. */
  readonly cwd: string;
  /** Default: pluginsFor(the saved config, cwd). */
  readonly plugins?: readonly IpmPlugin[];
}

export interface OpenRunOptions {
  /**
   * A config's run: 'new' creates `<run.dir>/<name>-<timestamp>` (the default for a file),
   * a RunDirectory writes there, null writes nothing (the default for a config object).
   * A run directory's run writes into it (read mode: nothing).
   */
  readonly directory?: 'new' | RunDirectory | null;
  /** Further hooks, e.g. a progress bar (bound to IDS.TrainerHook). */
  readonly hooks?: RunOptions['hooks'];
}

export interface OpenedRun extends Run {
  /** The checkpoint the run was loaded from; null for a run at iteration 0. */
  readonly checkpoint: { readonly iteration: number; readonly path: string } | null;
}

/** The resolved config and registry of a config source, and its plugins. */
async function resolveSource(
  source: Extract<RunSource, { config: unknown } | { resolved: ResolvedConfig } | { file: string | undefined }>,
): Promise<Omit<Resolved, 'objective'> & { objective?: Objective; plugins: readonly IpmPlugin[]; baseDir: string }> {
  if ('file' in source) {
    const file = await loadConfigFile(source.cwd, source.file);
    const parsed = parseOrThrow(ConfigSchema, source.edit ? source.edit(file.raw) : file.raw);
    const plugins = source.plugins ?? (await pluginsFor(objectiveOf(parsed), file.baseDir));
    return { ...resolveParsed(parsed, plugins), plugins, baseDir: file.baseDir };
  }
  const baseDir = source.baseDir ?? process.cwd();
  if ('resolved' in source) {
    const plugins = source.plugins ?? (await pluginsFor(source.resolved, baseDir));
    return { config: source.resolved, extensions: registryOf(plugins), plugins, baseDir };
  }
  const parsed = parseOrThrow(ConfigSchema, source.config);
  const plugins = source.plugins ?? (await pluginsFor(objectiveOf(parsed), baseDir));
  return { ...resolveParsed(parsed, plugins), plugins, baseDir };
}

/** The objective a config names, which decides its plugins. */
function objectiveOf(parsed: ParsedConfig): { objective: { name: string }; plugins: readonly string[] } {
  if (parsed.objective === undefined)
    throw new ConfigError('required, e.g. objective: { name: wgan } (ipmgan compare reads compare.objectives)', [
      'objective',
    ]);
  return { objective: parsed.objective, plugins: parsed.plugins };
}

function registryOf(plugins: readonly IpmPlugin[]): ExtensionRegistry {
  return new ExtensionRegistry(plugins.flatMap((p) => p.extensions));
}

/**
 * The checkpoint a run directory is opened at: in read mode the one asked for, else the
 * latest, verified, when the run resumes (null: a compare run with no checkpoint starts).
 */
function checkpointOf(
  directory: RunDirectory,
  source: Extract<RunSource, { runDirectory: string }>,
  resuming: boolean,
): { iteration: number; path: string } | null {
  if (source.mode === 'read') {
    const { iteration } = source;
    if (iteration === undefined) {
      const latest = directory.latestCheckpoint();
      if (!latest) throw new ConfigError(`${source.runDirectory}: the run has no checkpoint yet`);
      return latest;
    }
    const saved = directory.savedCheckpoints();
    if (!saved.includes(iteration))
      throw new ConfigError(
        `--checkpoint: ${source.runDirectory} has no checkpoint at iteration ${String(iteration)}; saved: ${saved.length === 0 ? 'none' : saved.join(', ')}`,
      );
    return { iteration, path: directory.checkpointPath(iteration) };
  }
  if (!resuming) return null;
  const latest = directory.latestCheckpoint();
  if (!latest) throw new ConfigError(`--resume: ${directory.path} has no checkpoint to resume from`);
  verifyCheckpoint(latest.path);
  return latest;
}

/**
 * A run directory's run. Everything is read and validated (the config, the checkpoint, the
 * changes) before anything in the directory changes; a resumed run continues exactly as if
 * it had never stopped (weights, optimizer slots, random streams, iteration, and
 * metrics.jsonl cut back to the checkpoint).
 */
async function openRunDirectory(
  source: Extract<RunSource, { runDirectory: string }>,
  options: OpenRunOptions,
): Promise<OpenedRun> {
  const path = resolvePath(source.cwd, source.runDirectory);
  const writes = source.mode !== 'read';
  const flag = source.mode === 'resume' ? '--resume' : source.mode === 'continue' ? 'compare' : source.runDirectory;
  // Opened to read: nothing in the directory changes until it is known good.
  const directory = RunDirectory.open(path, flag);
  const saved = directory.readConfig();
  // A compare run with checkpoints resumes from them as train --resume does (a damaged
  // one is refused, never restarted); one without starts again from iteration 0.
  const resuming = source.mode === 'resume' || (source.mode === 'continue' && directory.hasCheckpoints());
  // Every metrics line of a run to resume validated now: a bad one is refused before the
  // lock or any write.
  if (resuming) directory.readMetrics();
  const checkpoint = checkpointOf(directory, source, resuming);
  let config: ResolvedConfig = saved;
  const changes =
    source.mode === 'read'
      ? []
      : (source.changes ?? []).map(({ path: field, value }) => ({
          path: field,
          from: configValueAt(saved, field),
          to: value,
        }));
  if (source.mode === 'read') config = source.adjust ? source.adjust(saved) : saved;
  else if (changes.length > 0) config = deepFreeze(amendConfig(saved, changes, '--set'));
  if (checkpoint && changes.some((c) => c.path === 'training.iterations'))
    if (config.training.iterations <= checkpoint.iteration)
      throw new ConfigError(
        `--set: training.iterations ${String(config.training.iterations)} is not past the checkpoint's iteration ${String(checkpoint.iteration)}`,
      );
  const baseDir = source.mode === 'read' ? source.cwd : (source.baseDir ?? process.cwd());
  const plugins = source.plugins ?? (await pluginsFor(config, source.cwd));
  if (writes && !checkpoint) {
    // This process becomes the run's only writer, then drops what a worker killed before
    // its first checkpoint wrote.
    directory.beginWriting(flag);
    directory.discardProgress(flag);
  }
  const run = await createRun(
    config,
    plugins,
    { extensions: registryOf(plugins), fresh: checkpoint === null },
    { baseDir, directory: writes ? directory : null, ...(options.hooks ? { hooks: options.hooks } : {}) },
  );
  if (!checkpoint) return { ...run, checkpoint: null };
  try {
    await loadCheckpoint(run.trainer, checkpoint.path);
    if (writes) {
      // The first write: from here on this process is the run's only writer.
      directory.beginWriting('--resume');
      const now = directory.latestCheckpoint();
      if (now?.iteration !== checkpoint.iteration)
        throw new ConfigError(
          `--resume: ${directory.latestPath} changed while the run was being opened (another writer?); try again`,
        );
      if (changes.length > 0) directory.addAmendment({ fromIteration: checkpoint.iteration + 1, changes });
      directory.truncateMetrics(checkpoint.iteration);
    }
  } catch (error) {
    run.dispose();
    throw error;
  }
  if (writes && run.checkpointer) run.checkpointer.lastCheckpoint = checkpoint.path;
  return { ...run, checkpoint };
}

/**
 * The one function that turns a config (a file, a config object, or a run directory, with
 * or without a checkpoint) into a ready run, and the only caller of the composition root
 * (createRun). `ipmgan train`, `--resume`, the compare workers, `eval`, `sample`, the
 * experiments and the test kits all build their runs here, so a config is resolved once,
 * against one registry, with the plugins of one policy (pluginsFor).
 */
export async function openRun(source: RunSource, options: OpenRunOptions = {}): Promise<OpenedRun> {
  if ('runDirectory' in source) return openRunDirectory(source, options);
  const { config, extensions, objective, plugins, baseDir } = await resolveSource(source);
  const directory = options.directory ?? ('file' in source ? 'new' : null);
  const run = await createRun(
    config,
    plugins,
    { extensions, fresh: true, ...(objective ? { objective } : {}) },
    { baseDir, directory, ...(options.hooks ? { hooks: options.hooks } : {}) },
  );
  return { ...run, checkpoint: null };
}
