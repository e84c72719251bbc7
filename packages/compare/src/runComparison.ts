import { availableParallelism } from 'node:os';
import { ConfigError } from '@ipmgan/core';
import { CompareDirectory, RunDirectory, verifyCheckpoint, type CompareRecord } from '@ipmgan/core/engine';
import { countOf, type ComparisonReport } from '@ipmgan/report';
import { CompareProgress } from './CompareProgress.js';
import { divideCores } from './divideCores.js';
import type { PlannedRun } from './PlannedRun.js';
import { planCompare } from './planCompare.js';
import { plannedRunsOf } from './plannedRunsOf.js';
import { reportComparison } from './reportComparison.js';
import type { RunResult } from './RunResult.js';
import { runInWorkers } from './runInWorkers.js';
import { writeComparisonPlan } from './writeComparisonPlan.js';

export interface ComparisonOptions {
  readonly workers: number;
  readonly signal: AbortSignal;
  /** The config file's path, recorded in compare.json. */
  readonly configPath: string;
  /** Where the runs and the report go; default `<run.dir>/<name>-compare-<stamp>`. */
  readonly directory?: string;
}

export interface Comparison {
  readonly directory: string;
  readonly runs: readonly PlannedRun[];
  /** One per run that has ended (this time or, for a resumed compare, before), in plan order. */
  readonly results: readonly RunResult[];
  /** null when no run finished. */
  readonly report: ComparisonReport | null;
}

/**
 * Plans a compare config (every run validated first), writes each run directory's
 * config.resolved.json and compare.json (the plan), trains the runs in `workers` child
 * processes and writes the comparison report beside them. compare.json records how each
 * run ends as it ends, so `resumeComparison` can continue after any crash.
 */
export async function runComparison(raw: unknown, baseDir: string, options: ComparisonOptions): Promise<Comparison> {
  const planned = await planCompare(raw, baseDir, new Date(), options.directory);
  // The runs share one config but for objective and seed: one division for all.
  const first = planned.runs[0]?.config;
  const division = divideCores(
    first?.threads ?? 1,
    first?.backend ?? 'wasm',
    options.workers,
    planned.runs.length,
    availableParallelism(),
  );
  const runs = planned.runs.map((r) => ({ ...r, config: { ...r.config, threads: division.threads } }));
  // Each run's config is in its own run directory from the start: a resume reads the plan from them.
  const directory = writeComparisonPlan(planned.directory, runs, {
    configPath: options.configPath,
    baseDir,
    ...(planned.plotIterations ? { plotIterations: planned.plotIterations } : {}),
  });
  process.stderr.write(
    `ipmgan: comparing ${countOf(runs.length, 'run')} (${[...new Set(runs.map((r) => r.label))].join(', ')}; ` +
      `seeds ${[...new Set(runs.map((r) => r.seed))].join(', ')}) with ${String(options.workers)} worker${options.workers === 1 ? '' : 's'} in ${directory.path}\n` +
      `ipmgan: ${division.note}\n`,
  );
  return trainAndReport(directory, directory.read(), runs, [], options);
}

/**
 * Continues a comparison from its directory (`ipmgan compare --resume DIR`): every run
 * that has not finished is resumed from its checkpoint (or started, when it has none), in
 * worker processes as the first attempt was; then the report is rebuilt. A run that
 * diverged is kept as it is (a seeded run diverges again at the same iteration). A
 * finished comparison trains nothing and rebuilds the same report.
 */
export async function resumeComparison(
  path: string,
  options: Pick<ComparisonOptions, 'workers' | 'signal'>,
): Promise<Comparison> {
  const directory = CompareDirectory.open(path, '--resume');
  const record = directory.read();
  if (record.queue !== undefined)
    throw new ConfigError(
      `--resume: ${directory.path} is a queued compare, trained by ipmgan worker; follow it with ipmgan compare --attach ${directory.path} --queue URL`,
    );
  // Everything is read and validated before any run continues.
  for (const r of record.runs) {
    const flag = `${directory.recordPath}: run ${r.directory}`;
    const run = RunDirectory.open(directory.runPath(r.directory), flag);
    run.refuseIfBusy(flag);
    // A run with checkpoints continues from latest.json's, checked as train --resume checks
    // it; one whose checkpoints are missing or damaged is refused, and nothing is deleted.
    if (run.hasCheckpoints()) {
      const latest = run.latestCheckpoint();
      if (!latest)
        throw new ConfigError(
          `${flag}: ${run.checkpointsPath} has no latest.json naming the checkpoint to resume from; nothing was changed`,
        );
      verifyCheckpoint(latest.path);
    } else {
      // Iteration N+1 starts only after checkpoint N is written: a line past the first
      // checkpoint's iteration means checkpoints were lost, not that the run died before one.
      const every = run.readConfig().run.checkpointEvery;
      const last = run.readMetrics().at(-1)?.iteration ?? 0;
      if (every > 0 && last > every)
        throw new ConfigError(
          `${flag}: ${run.path} logged iteration ${String(last)} but has no checkpoint (the first was due at ${String(every)}); its checkpoints are missing, so it cannot be resumed; nothing was changed`,
        );
    }
  }
  const runs = plannedRunsOf(directory, record);
  const settled = runs.flatMap((run, i): RunResult[] => {
    const status = record.runs[i]?.status;
    const runDirectory = new RunDirectory(run.directory);
    const latest = runDirectory.latestCheckpoint();
    if (latest && latest.iteration >= run.config.training.iterations) {
      // Seconds of training across every attempt, as metrics.jsonl counts them.
      const seconds = runDirectory.readMetrics().at(-1)?.elapsedSeconds ?? status?.seconds ?? 0;
      return [{ run, status: 'finished', iteration: latest.iteration, seconds }];
    }
    if (status?.state === 'diverged') return [{ run, ...status, status: status.state }];
    return [];
  });
  const pending = runs.length - settled.length;
  process.stderr.write(
    `ipmgan: resuming ${directory.path}: ${String(settled.length)} of ${countOf(runs.length, 'run')} already ended, ${String(pending)} to train\n`,
  );
  return trainAndReport(directory, record, runs, settled, options);
}

/** Trains the runs without a settled result, records each end in compare.json, and writes the report. */
async function trainAndReport(
  directory: CompareDirectory,
  record: CompareRecord,
  runs: readonly PlannedRun[],
  settled: readonly RunResult[],
  options: Pick<ComparisonOptions, 'workers' | 'signal'>,
): Promise<Comparison> {
  const progress = new CompareProgress(runs);
  for (const result of settled) progress.ended(result);
  const pending = runs.filter((run) => !settled.some((s) => s.run === run));
  const ended = await runInWorkers(pending, options.workers, record.baseDir, progress, options.signal, (result) => {
    directory.recordStatus(runs.indexOf(result.run), {
      state: result.status,
      iteration: result.iteration,
      seconds: result.seconds,
      ...(result.message === undefined ? {} : { message: result.message }),
    });
  });
  const results = runs.flatMap((run) => {
    const result = settled.find((s) => s.run === run) ?? ended[pending.indexOf(run)];
    return result ? [result] : [];
  });
  const report = await reportComparison(directory, record, runs, results);
  return { directory: directory.path, runs, results, report };
}
