import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PlannedRun } from './PlannedRun.js';
import type { RunResult } from './RunResult.js';
import type { FromWorker, ToWorker } from './WorkerMessage.js';

const workerModule = fileURLToPath(new URL('./compareWorker.js', import.meta.url));

/** Where a child's progress goes: a CompareProgress, or a queue job's progress. */
export interface RunProgressSink {
  progress(run: PlannedRun, iteration: number, estimate?: number, w1?: number): void;
}

/**
 * Trains one planned run in a child process (compareWorker: openRun in 'continue' mode, so a
 * run with a checkpoint resumes from it), the one code path of `ipmgan compare`'s local
 * workers and of `ipmgan worker`'s queue jobs. Resolves with how the run ended once the child
 * has exited; a child that exits without saying (killed, crashed) has failed. While it runs,
 * `stops` holds a function that asks the child to stop after its current iteration, with a
 * checkpoint. `threads` overrides the run's saved thread count (a queue worker's division).
 */
export function trainInChild(
  run: PlannedRun,
  baseDir: string,
  sink: RunProgressSink,
  stops: Set<() => void>,
  threads?: number,
): Promise<RunResult> {
  return new Promise((resolveRun) => {
    const child = fork(workerModule, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const stop = (): void => {
      if (child.connected) child.send({ type: 'stop' } satisfies ToWorker);
    };
    stops.add(stop);
    let iteration = 0;
    // What the child said about its end; a child that exits without saying has failed.
    let ending: Omit<RunResult, 'run'> | undefined;
    const began = performance.now();
    child.on('message', (message: FromWorker) => {
      if (message.type === 'progress') {
        iteration = message.iteration;
        sink.progress(run, message.iteration, message.estimate, message.w1);
      } else if (message.type === 'done') {
        ending = { status: message.outcome.reason, iteration: message.outcome.iteration, seconds: message.seconds };
      } else {
        ending = {
          status: message.diverged ? 'diverged' : 'failed',
          iteration,
          seconds: (performance.now() - began) / 1000,
          message: message.message,
        };
      }
    });
    child.on('exit', (code, signal) => {
      stops.delete(stop);
      const lastLine = stderr.trim().split('\n').pop() ?? '';
      resolveRun(
        ending
          ? { run, ...ending }
          : {
              run,
              iteration,
              seconds: (performance.now() - began) / 1000,
              status: 'failed',
              message: `worker exited with ${signal ?? `code ${String(code)}`}${lastLine ? `: ${lastLine}` : ''}`,
              crashed: true,
            },
      );
    });
    child.send({
      type: 'start',
      directory: run.directory,
      baseDir,
      ...(threads === undefined ? {} : { threads }),
    } satisfies ToWorker);
  });
}
