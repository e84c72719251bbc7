import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CompareProgress, resumeComparison, runComparison, type Comparison, type RunResult } from '@ipmgan/compare';
import { ConfigError } from '@ipmgan/core';
import { loadConfigFile, probeNative } from '@ipmgan/core/engine';
import { applySetOverride } from '../applySetOverride.js';
import { describeNative } from '../format/describeNative.js';
import { formatTable } from '../format/formatTable.js';
import { untilInterrupted } from '../untilInterrupted.js';
import { countOf } from '@ipmgan/report';

export interface CompareOptions {
  readonly config?: string;
  readonly resume?: string;
  readonly workers?: number;
  readonly iterations?: number;
  readonly set: readonly string[];
  /** Say whether the runs get the native kernels, and why not. */
  readonly verbose?: boolean;
}

/** The terminal is this wide at least: the runs table fits, errors cut (the report has them whole). */
const TABLE_WIDTH = 100;

/** One row per run: how it ended; batch sizes and optimizers are in the report's configuration. */
function summary(results: readonly RunResult[]): string {
  const rows = results.map((r) => [
    CompareProgress.nameOf(r.run),
    r.status,
    `${String(r.iteration)}/${String(r.run.config.training.iterations)}`,
    r.seconds.toFixed(1),
    r.message ?? '',
  ]);
  const used = ['run', 'status', 'iterations', 'seconds'].reduce(
    (sum, header, j) => sum + Math.max(header.length, ...rows.map((row) => (row[j] ?? '').length)) + 2,
    0,
  );
  const room = Math.max(20, TABLE_WIDTH - used);
  return formatTable(
    ['run', 'status', 'iterations', 'seconds', 'error'],
    rows.map((row) => row.map((cell, j) => (j === 4 && cell.length > room ? `${cell.slice(0, room - 3)}...` : cell))),
  );
}

/** Trains (or, with `resume`, continues) the comparison; Ctrl-C stops every run after its current iteration. */
async function compareOrResume(options: CompareOptions, cwd: string, signal: AbortSignal): Promise<Comparison> {
  const workers = options.workers ?? availableParallelism();
  if (options.resume !== undefined) {
    if (options.config !== undefined || options.set.length > 0 || options.iterations !== undefined)
      throw new ConfigError('--resume: continues the comparison as planned; drop -c, --set and --iterations');
    return resumeComparison(resolve(cwd, options.resume), { workers, signal });
  }
  const file = await loadConfigFile(cwd, options.config);
  let raw = file.raw;
  for (const assignment of options.set) raw = applySetOverride(raw, assignment);
  if (options.iterations !== undefined)
    raw = applySetOverride(raw, `training.iterations=${String(options.iterations)}`);
  return runComparison(raw, file.baseDir, { workers, signal, configPath: file.filepath });
}

/**
 * `ipmgan compare`: trains every objective of the config's `compare` block on the rest
 * of the file, for each seed, in parallel child processes, each into a normal run
 * directory under one compare directory, then writes the comparison report there.
 * `--resume DIR` continues a comparison that was stopped, killed or had runs fail.
 */
export async function compare(options: CompareOptions, cwd: string): Promise<void> {
  // Each run records the kernels it trained with (its config.resolved.json, the report).
  if (options.verbose === true) process.stderr.write(`ipmgan: ${describeNative(await probeNative())}\n`);
  const { comparison, interrupted } = await untilInterrupted(
    'stopping every run after its current iteration, with a checkpoint',
    async (signal) => ({ comparison: await compareOrResume(options, cwd, signal), interrupted: signal.aborted }),
  );
  const { results, report } = comparison;
  process.stdout.write(summary(results));
  if (report) {
    process.stdout.write(`\n${report.table}${report.table.endsWith('\n') ? '' : '\n'}`);
    process.stdout.write(`report: ${report.html}\n`);
  } else {
    process.stdout.write(`results in ${comparison.directory}\n`);
  }
  const failed = results.filter((r) => r.status === 'failed' || r.status === 'diverged');
  if (interrupted) {
    process.stderr.write(
      `ipmgan: stopped; ${countOf(comparison.runs.length - results.length, 'run')} never started, ${String(results.filter((r) => r.status === 'stopped').length)} stopped with a checkpoint; continue with ipmgan compare --resume ${comparison.directory}\n`,
    );
    process.exitCode = 130;
  } else if (failed.length > 0) {
    process.stderr.write(
      `ipmgan: ${String(failed.length)} of ${countOf(results.length, 'run')} failed: ${failed.map((r) => `${CompareProgress.nameOf(r.run)} (${r.message ?? r.status})`).join('; ')}; retry the failed with ipmgan compare --resume ${comparison.directory}\n`,
    );
    process.exitCode = 1;
  }
}
