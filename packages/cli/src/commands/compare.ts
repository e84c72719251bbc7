import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CompareProgress, resumeComparison, runComparison, type Comparison, type RunResult } from '@ipmgan/compare';
import { ConfigError, loadConfigFile, probeNative } from '@ipmgan/core';
import { applySetOverride } from '../applySetOverride.js';
import { describeNative } from '../format/describeNative.js';
import { describeOptimizer } from '../format/describeOptimizer.js';
import { formatTable } from '../format/formatTable.js';

export interface CompareOptions {
  readonly config?: string;
  readonly resume?: string;
  readonly workers?: number;
  readonly iterations?: number;
  readonly set: readonly string[];
  /** Say whether the runs get the native kernels, and why not. */
  readonly verbose?: boolean;
}

function summary(results: readonly RunResult[]): string {
  return formatTable(
    ['run', 'batch', 'optimizers (critic / generator)', 'status', 'iterations', 'seconds', 'error'],
    results.map((r) => {
      const { training, critic } = r.run.config;
      const optimizers = critic
        ? `${describeOptimizer(training.optimizers.critic)} / ${describeOptimizer(training.optimizers.generator)}`
        : `- / ${describeOptimizer(training.optimizers.generator)}`;
      return [
        CompareProgress.nameOf(r.run),
        String(training.batchSize),
        optimizers,
        r.status,
        String(r.iteration),
        r.seconds.toFixed(1),
        r.message ?? '',
      ];
    }),
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
  const controller = new AbortController();
  const onSignal = (): void => {
    process.stderr.write('\nipmgan: interrupted; stopping every run after its current iteration, with a checkpoint\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let comparison: Comparison;
  try {
    comparison = await compareOrResume(options, cwd, controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const { results, report } = comparison;
  process.stdout.write(summary(results));
  if (report) {
    process.stdout.write(`\n${report.table}${report.table.endsWith('\n') ? '' : '\n'}`);
    process.stdout.write(`report: ${report.html}\n`);
  } else {
    process.stdout.write(`results in ${comparison.directory}\n`);
  }
  const failed = results.filter((r) => r.status === 'failed' || r.status === 'diverged');
  if (controller.signal.aborted) {
    process.stderr.write(
      `ipmgan: stopped; ${String(comparison.runs.length - results.length)} runs never started, ${String(results.filter((r) => r.status === 'stopped').length)} stopped with a checkpoint; continue with ipmgan compare --resume ${comparison.directory}\n`,
    );
    process.exitCode = 130;
  } else if (failed.length > 0) {
    process.stderr.write(
      `ipmgan: ${String(failed.length)} of ${String(results.length)} runs failed: ${failed.map((r) => `${CompareProgress.nameOf(r.run)} (${r.message ?? r.status})`).join('; ')}; retry the failed with ipmgan compare --resume ${comparison.directory}\n`,
    );
    process.exitCode = 1;
  }
}
