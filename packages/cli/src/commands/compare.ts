import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CompareProgress, resumeComparison, runComparison, type PlannedRun, type RunResult } from '@ipmgan/compare';
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
  /** A Redis URL: enqueue the compare for `ipmgan worker`s (or, with `attach`, follow one) instead of training here. */
  readonly queue?: string;
  /** A queued compare's directory to follow again. */
  readonly attach?: string;
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

/** What the command prints at the end, from a local or a queued compare. */
interface Ended {
  readonly directory: string;
  readonly runs: readonly PlannedRun[];
  readonly results: readonly RunResult[];
  readonly report: { readonly html: string; readonly table: string } | null;
}

/** The compare's raw config: the file, with --set and --iterations applied. */
async function configOf(
  options: CompareOptions,
  cwd: string,
): Promise<{ raw: unknown; baseDir: string; filepath: string }> {
  const file = await loadConfigFile(cwd, options.config);
  let raw = file.raw;
  for (const assignment of options.set) raw = applySetOverride(raw, assignment);
  if (options.iterations !== undefined)
    raw = applySetOverride(raw, `training.iterations=${String(options.iterations)}`);
  return { raw, baseDir: file.baseDir, filepath: file.filepath };
}

/**
 * Enqueues the compare on `--queue` (or, with --attach, finds it) and follows it until its
 * report is written; Ctrl-C stops following and leaves the queue as it is.
 */
async function queued(
  options: CompareOptions & { queue: string },
  cwd: string,
  signal: AbortSignal,
): Promise<Ended & { interrupted: boolean }> {
  if (options.resume !== undefined)
    throw new ConfigError('--resume: continues a local compare; follow a queued one with --attach DIR --queue URL');
  if (options.workers !== undefined)
    throw new ConfigError('--workers: a queued compare is trained by ipmgan worker processes; give each --concurrency');
  if (
    options.attach !== undefined &&
    (options.config !== undefined || options.set.length > 0 || options.iterations !== undefined)
  )
    throw new ConfigError('--attach: follows the compare as it was queued; drop -c, --set and --iterations');
  // Loaded only here: bullmq and ioredis take a second to import, which no local command should pay.
  const { CompareQueue, enqueueComparison, followComparison } = await import('@ipmgan/compare/queue');
  const queue = await CompareQueue.open(options.queue, '--queue');
  try {
    let directory: string;
    if (options.attach !== undefined) directory = resolve(cwd, options.attach);
    else {
      const { raw, baseDir, filepath } = await configOf(options, cwd);
      directory = (await enqueueComparison(raw, baseDir, queue, filepath)).directory;
    }
    return await followComparison(queue, directory, signal);
  } finally {
    await queue.close();
  }
}

/** Trains (or, with `resume`, continues) the comparison; Ctrl-C stops every run after its current iteration. */
async function compareOrResume(options: CompareOptions, cwd: string, signal: AbortSignal): Promise<Ended> {
  const workers = options.workers ?? availableParallelism();
  if (options.resume !== undefined) {
    if (options.config !== undefined || options.set.length > 0 || options.iterations !== undefined)
      throw new ConfigError('--resume: continues the comparison as planned; drop -c, --set and --iterations');
    return resumeComparison(resolve(cwd, options.resume), { workers, signal });
  }
  const { raw, baseDir, filepath } = await configOf(options, cwd);
  return runComparison(raw, baseDir, { workers, signal, configPath: filepath });
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
  const { queue } = options;
  if (options.attach !== undefined && queue === undefined)
    throw new ConfigError('--attach: follows a queued compare; give its queue with --queue redis://HOST:PORT');
  if (queue !== undefined) {
    const comparison = await untilInterrupted(
      'the queued compare goes on in its workers; stopped following it',
      (signal) => queued({ ...options, queue }, cwd, signal),
    );
    if (comparison.interrupted) {
      process.stderr.write(
        `ipmgan: ${String(comparison.results.length)} of ${countOf(comparison.runs.length, 'run')} ended so far; follow it again with ipmgan compare --attach ${comparison.directory} --queue ${queue}\n`,
      );
      process.exitCode = 130;
      return;
    }
    printEnd(comparison, 'their errors are in the report; a failed run does not stop the others');
    return;
  }
  const { comparison, interrupted } = await untilInterrupted(
    'stopping every run after its current iteration, with a checkpoint',
    async (signal) => ({ comparison: await compareOrResume(options, cwd, signal), interrupted: signal.aborted }),
  );
  if (interrupted) {
    printTables(comparison);
    process.stderr.write(
      `ipmgan: stopped; ${countOf(comparison.runs.length - comparison.results.length, 'run')} never started, ${String(comparison.results.filter((r) => r.status === 'stopped').length)} stopped with a checkpoint; continue with ipmgan compare --resume ${comparison.directory}\n`,
    );
    process.exitCode = 130;
    return;
  }
  printEnd(comparison, `retry the failed with ipmgan compare --resume ${comparison.directory}`);
}

/** The runs table, then the report's metrics table and where the report is. */
function printTables(comparison: Ended): void {
  const { results, report } = comparison;
  process.stdout.write(summary(results));
  if (report) {
    process.stdout.write(`\n${report.table}${report.table.endsWith('\n') ? '' : '\n'}`);
    process.stdout.write(`report: ${report.html}\n`);
  } else {
    process.stdout.write(`results in ${comparison.directory}\n`);
  }
}

/** The tables, and the failed runs in one line (exit 1) ending with `next`. */
function printEnd(comparison: Ended, next: string): void {
  printTables(comparison);
  const { results } = comparison;
  const failed = results.filter((r) => r.status === 'failed' || r.status === 'diverged');
  if (failed.length > 0) {
    process.stderr.write(
      `ipmgan: ${String(failed.length)} of ${countOf(results.length, 'run')} failed: ${failed.map((r) => `${CompareProgress.nameOf(r.run)} (${r.message ?? r.status})`).join('; ')}; ${next}\n`,
    );
    process.exitCode = 1;
  }
}
