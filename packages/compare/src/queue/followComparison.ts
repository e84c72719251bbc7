import { setTimeout as sleep } from 'node:timers/promises';
import { CompareDirectory } from '@ipmgan/core/engine';
import { CompareProgress, type CompareProgressStream } from '../CompareProgress.js';
import type { PlannedRun } from '../PlannedRun.js';
import { plannedRunsOf } from '../plannedRunsOf.js';
import type { RunResult } from '../RunResult.js';
import { CompareQueue } from './CompareQueue.js';
import { queueIdOf } from './queueIdOf.js';
import type { ReportJobResult, RunJobProgress } from './RunJob.js';

/** A queued compare as its follower saw it end (or stop following). */
export interface QueuedComparison {
  readonly directory: string;
  readonly runs: readonly PlannedRun[];
  /** One per run that has ended, in plan order. */
  readonly results: readonly RunResult[];
  /** The report job's report; null when no run finished, or while the report job has not run. */
  readonly report: ReportJobResult['report'];
  /** True when `signal` stopped the following: the queue and its workers go on. */
  readonly interrupted: boolean;
}

/** How often the follower reads the queue. */
const POLL_MS = 500;

/**
 * Follows a queued compare (`compare --queue`, `compare --attach DIR`) until its report job
 * has completed, printing compare's own progress (runs done of all, each run's iteration from
 * its job's progress). It only reads the queue: aborting `signal` stops the following and
 * leaves every job where it is. While Redis is down the reads wait for it to come back.
 */
export async function followComparison(
  queue: CompareQueue,
  path: string,
  signal: AbortSignal,
  stream: CompareProgressStream = process.stderr,
): Promise<QueuedComparison> {
  const directory = CompareDirectory.open(path, '--attach');
  const record = directory.read();
  const compareId = queueIdOf(record, directory);
  const runs = plannedRunsOf(directory, record);
  const missing = (): Error =>
    new Error(
      `--attach: the queue at ${queue.url} has no compare ${compareId} (queued on another Redis, or its jobs were removed)`,
    );
  if (!(await queue.reportJob(compareId))) throw missing();
  const progress = new CompareProgress(runs, stream);
  const seen = runs.map(() => ({ started: false, iteration: 0, ended: null as RunResult | null }));
  for (;;) {
    for (const [i, run] of runs.entries()) {
      const line = seen[i];
      const job = await queue.runJob(compareId, run);
      if (!line || line.ended || !job) continue;
      const state = await job.getState();
      const figures = job.progress as RunJobProgress | number;
      const iteration = typeof figures === 'object' ? figures.iteration : 0;
      if (!line.started && (state === 'active' || iteration > 0 || state === 'completed' || state === 'failed')) {
        line.started = true;
        progress.started(run);
      }
      if (typeof figures === 'object' && iteration > line.iteration) {
        line.iteration = iteration;
        progress.progress(run, iteration, figures.estimate, figures.w1);
      }
      if (state === 'completed' || state === 'failed') {
        const result: RunResult =
          state === 'completed'
            ? { run, ...job.returnvalue }
            : { run, status: 'failed', iteration: line.iteration, seconds: 0, message: job.failedReason };
        line.ended = result;
        progress.ended(result);
      }
    }
    const report = await queue.reportJob(compareId);
    // Redis restarted without its append-only file: the queue is gone, and waiting would be forever.
    if (!report) throw missing();
    const state = await report.getState();
    if (state === 'failed') throw new Error(`${directory.path}: the report job failed: ${report.failedReason}`);
    if (state === 'completed') {
      const value = report.returnvalue;
      const results = runs.flatMap((run, i): RunResult[] => {
        const result = value.results[i];
        return result ? [{ run, ...result }] : [];
      });
      return { directory: directory.path, runs, results, report: value.report, interrupted: false };
    }
    if (signal.aborted) break;
    await sleep(POLL_MS, undefined, { signal }).catch(() => undefined);
  }
  const results = seen.flatMap((s) => (s.ended ? [s.ended] : []));
  return { directory: directory.path, runs, results, report: null, interrupted: true };
}
