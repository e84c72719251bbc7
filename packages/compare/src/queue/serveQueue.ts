import { existsSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { ConfigError } from '@ipmgan/core';
import { CompareDirectory, RunDirectory } from '@ipmgan/core/engine';
import { DelayedError, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { CompareProgress } from '../CompareProgress.js';
import { divideCores } from '../divideCores.js';
import type { PlannedRun } from '../PlannedRun.js';
import { plannedRunsOf } from '../plannedRunsOf.js';
import type { RunResult } from '../RunResult.js';
import { trainInChild } from '../trainInChild.js';
import { CompareQueue } from './CompareQueue.js';
import { queueIdOf } from './queueIdOf.js';
import type { ReportJobData, ReportJobResult, RunJobData, RunJobProgress, RunJobResult } from './RunJob.js';
import { writeReportInChild } from './writeReportInChild.js';

export interface QueueWorkerOptions {
  /** Runs trained at once; the host's cores are divided among them as compare divides them. */
  readonly concurrency: number;
  /**
   * BullMQ's lockDuration and stalledInterval, in seconds: a job whose worker stops renewing
   * its lock (killed, host down) goes back to the queue between one and two of these later.
   */
  readonly stallSeconds: number;
  /** Aborting it stops every run after its current iteration, with a checkpoint, returns its job to the queue and ends. */
  readonly signal: AbortSignal;
  /** Where the worker's lines go (one per run started and ended). */
  readonly log?: (line: string) => void;
}

/** RunLock's refusal: the run directory has a live writer. */
const BUSY = /is being written by/;

/** How often a run job's progress is written to Redis at most: a fast run logs hundreds of iterations a second. */
const PROGRESS_MS = 500;

/**
 * A job whose worker died is handed to another worker at most this many times before it
 * fails. Each time it resumes from its checkpoint, losing at most checkpointEvery iterations,
 * so stalls are cheap; a run that stalls ten times kills its workers (memory) and should fail.
 */
const MAX_STALLED = 10;

/** One run of a compare directory, as its job names it; a directory this host cannot see is an unrecoverable job. */
function plannedRun(data: RunJobData): { run: PlannedRun; baseDir: string } {
  const directory = new CompareDirectory(data.compare);
  if (!existsSync(directory.recordPath))
    throw new UnrecoverableError(
      `${directory.recordPath} is not on ${hostname()}: every worker needs the compare's run root at the same path (a shared filesystem)`,
    );
  const record = directory.read();
  const entry = record.runs[data.index];
  if (!entry) throw new UnrecoverableError(`${directory.recordPath} has no run ${String(data.index)}`);
  const [run] = plannedRunsOf(directory, { ...record, runs: [entry] });
  if (!run) throw new UnrecoverableError(`${directory.recordPath} has no run ${String(data.index)}`);
  return { run, baseDir: record.baseDir };
}

/**
 * `ipmgan worker --queue URL`: takes run jobs from the compare queue and trains each in a
 * child process (trainInChild, compare's own local worker, so a run with a checkpoint resumes
 * from it: a retried or stalled job continues, never restarts from 0), and runs each
 * compare's report job once its runs have ended. A run's end (finished, diverged, failed with
 * its error) is the job's result; only a child that dies without saying (killed, out of
 * memory) makes the job fail and be retried, and a run directory that another live process
 * writes puts the job back for one lock period.
 * Resolves once `signal` is aborted and every run it held is back on the queue.
 */
export async function serveQueue(queue: CompareQueue, options: QueueWorkerOptions): Promise<void> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const stops = new Set<() => void>();
  const lockMs = options.stallSeconds * 1000;

  const runJob = async (job: Job<RunJobData, RunJobResult>, token: string | undefined): Promise<RunJobResult> => {
    const { run, baseDir } = plannedRun(job.data);
    const name = CompareProgress.nameOf(run);
    const runDirectory = new RunDirectory(run.directory);
    // Another live process still writing the run (a worker that lost Redis but trains on, a
    // stalled job handed on while its first child ends): try again one lock period later,
    // without using up an attempt; the run is never written by two.
    const later = async (why: string): Promise<never> => {
      log(`${name}: ${why}; trying again in ${String(options.stallSeconds)} s`);
      await job.moveToDelayed(Date.now() + lockMs, token);
      throw new DelayedError();
    };
    try {
      runDirectory.refuseIfBusy('worker');
    } catch (error) {
      if (error instanceof ConfigError && BUSY.test(error.message)) return later(error.message);
      throw error;
    }
    let from = 'from iteration 0';
    try {
      const latest = runDirectory.latestCheckpoint();
      if (latest) from = `from the checkpoint at iteration ${String(latest.iteration)}`;
    } catch {
      // The child refuses a damaged checkpoint record in one line, which the run's result carries.
      from = 'from a damaged checkpoint record';
    }
    const division = divideCores(
      run.config.threads ?? 1,
      run.config.backend,
      options.concurrency,
      options.concurrency,
      availableParallelism(),
    );
    log(`${name}: started ${from} (attempt ${String(job.attemptsStarted)}; ${division.note})`);
    let pending: RunJobProgress | null = null;
    let written = 0;
    const flush = (): void => {
      if (!pending) return;
      const figures = pending;
      pending = null;
      written = performance.now();
      job.updateProgress({ ...figures }).catch(() => undefined);
    };
    const sink = {
      progress(_run: PlannedRun, iteration: number, estimate?: number, w1?: number): void {
        pending = {
          iteration,
          ...(estimate === undefined ? {} : { estimate }),
          ...(w1 === undefined ? {} : { w1 }),
        };
        if (performance.now() - written >= PROGRESS_MS) flush();
      },
    };
    const result: RunResult = await trainInChild(run, baseDir, sink, stops, division.threads);
    flush();
    if (result.status === 'stopped') {
      // This worker is stopping: the run has its checkpoint, and the job goes back for any worker to continue.
      log(`${name}: stopped at iteration ${String(result.iteration)} with a checkpoint; back on the queue`);
      await job.moveToWait(token);
      throw new WaitingError();
    }
    if (result.status === 'failed' && BUSY.test(result.message ?? '')) return later(result.message ?? 'busy');
    if (result.crashed === true) {
      log(`${name}: ${result.message ?? 'failed'}; the job will be retried`);
      throw new Error(result.message ?? 'the run ended without a result');
    }
    log(
      `${name}: ${result.status} at iteration ${String(result.iteration)}${result.message ? `: ${result.message}` : ''}`,
    );
    return {
      status: result.status,
      iteration: result.iteration,
      seconds: result.seconds,
      ...(result.message === undefined ? {} : { message: result.message }),
    };
  };

  const reportJob = async (job: Job<ReportJobData, ReportJobResult>): Promise<ReportJobResult> => {
    const directory = CompareDirectory.open(job.data.compare, 'worker');
    const record = directory.read();
    const compareId = queueIdOf(record, directory);
    const runs = plannedRunsOf(directory, record);
    const values = await job.getChildrenValues<RunJobResult>();
    const failures = await job.getIgnoredChildrenFailures();
    const byJob = (map: Readonly<Record<string, unknown>>, run: PlannedRun): string | undefined =>
      Object.keys(map).find((key) => key.endsWith(`:${CompareQueue.runJobId(compareId, run)}`));
    const results = runs.map((run): RunResult => {
      const key = byJob(values, run);
      const value = key === undefined ? undefined : values[key];
      if (value) return { run, ...value };
      const failedKey = byJob(failures, run);
      let iteration = 0;
      try {
        iteration = new RunDirectory(run.directory).readMetrics().at(-1)?.iteration ?? 0;
      } catch {
        // Unreadable metrics: the failure message says what went wrong.
      }
      return {
        run,
        status: 'failed',
        iteration,
        seconds: 0,
        message: (failedKey === undefined ? undefined : failures[failedKey]) ?? 'its job ended without a result',
      };
    });
    // The report job is a queued compare's only writer of compare.json, once, when every run has ended.
    directory.write({
      ...record,
      runs: record.runs.map((r, i) => {
        const result = results[i];
        return result
          ? {
              ...r,
              status: {
                state: result.status,
                iteration: result.iteration,
                seconds: result.seconds,
                ...(result.message === undefined ? {} : { message: result.message }),
              },
            }
          : r;
      }),
    });
    const ended = results.map((r): RunJobResult => ({
      status: r.status,
      iteration: r.iteration,
      seconds: r.seconds,
      ...(r.message === undefined ? {} : { message: r.message }),
    }));
    const report = await writeReportInChild({ compare: directory.path, results: ended });
    log(`${directory.path}: report ${report ? report.html : 'not written (no run finished)'}`);
    return { results: ended, report };
  };

  const worker = new Worker<RunJobData | ReportJobData, RunJobResult | ReportJobResult>(
    CompareQueue.queueName,
    async (job, token) => {
      if (options.signal.aborted) {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      if (job.name === 'report') return reportJob(job as Job<ReportJobData, ReportJobResult>);
      try {
        return await runJob(job as Job<RunJobData, RunJobResult>, token);
      } catch (error) {
        // A bad run directory (damaged checkpoint, config) fails the same way on every worker: no retry.
        if (error instanceof ConfigError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection: queue.connection,
      concurrency: options.concurrency,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: MAX_STALLED,
      // A run job that fails outside its run (its child crashed) waits one lock period, then two.
      settings: { backoffStrategy: (attemptsMade: number) => lockMs * 2 ** Math.max(0, attemptsMade - 1) },
      name: `${hostname()}:${String(process.pid)}`,
    },
  );
  let lastError = '';
  worker.on('error', (error) => {
    // Redis restarting or unreachable: BullMQ reconnects by itself; say so once per distinct error.
    if (error.message !== lastError) log(`ipmgan: worker: ${error.message}`);
    lastError = error.message;
  });
  log(
    `ipmgan: worker ${hostname()}:${String(process.pid)} on ${queue.url}, ${String(options.concurrency)} run${options.concurrency === 1 ? '' : 's'} at once`,
  );
  await new Promise<void>((done) => {
    if (options.signal.aborted) done();
    else
      options.signal.addEventListener(
        'abort',
        () => {
          done();
        },
        { once: true },
      );
  });
  // Take no new job, ask every child to stop with a checkpoint, and wait for their jobs to go back.
  const closing = worker.close();
  for (const stop of stops) stop();
  await closing;
}
