import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CompareProgress } from './CompareProgress.js';
import type { PlannedRun } from './PlannedRun.js';
import type { RunResult } from './RunResult.js';
import type { FromWorker, ToWorker } from './WorkerMessage.js';

const workerModule = fileURLToPath(new URL('./compareWorker.js', import.meta.url));

/** Trains one planned run in a child process; resolves when the child has exited. */
function runOne(
  run: PlannedRun,
  baseDir: string,
  progress: CompareProgress,
  children: Set<(message: ToWorker) => void>,
  onEnded: (result: RunResult) => void,
): Promise<RunResult> {
  return new Promise((resolveRun) => {
    const child = fork(workerModule, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const stop = (message: ToWorker): void => {
      if (child.connected) child.send(message);
    };
    children.add(stop);
    let iteration = 0;
    // What the child said about its end; a child that exits without saying has failed.
    let ending: Omit<RunResult, 'run'> | undefined;
    const began = performance.now();
    child.on('message', (message: FromWorker) => {
      if (message.type === 'progress') {
        iteration = message.iteration;
        progress.progress(run, message.iteration, message.estimate, message.w1);
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
      children.delete(stop);
      const lastLine = stderr.trim().split('\n').pop() ?? '';
      const result: RunResult = ending
        ? { run, ...ending }
        : {
            run,
            iteration,
            seconds: (performance.now() - began) / 1000,
            status: 'failed',
            message: `worker exited with ${signal ?? `code ${String(code)}`}${lastLine ? `: ${lastLine}` : ''}`,
          };
      progress.ended(result);
      onEnded(result);
      resolveRun(result);
    });
    child.send({ type: 'start', directory: run.directory, baseDir } satisfies ToWorker);
  });
}

/**
 * Trains the planned runs in at most `workers` child processes at once, in plan order,
 * and returns their results in plan order (null: never started). `onEnded` hears each result
 * as its child exits. Aborting `signal` stops every running child after its current iteration
 * (with a checkpoint) and starts no more; a failed run does not stop the others.
 */
export async function runInWorkers(
  runs: readonly PlannedRun[],
  workers: number,
  baseDir: string,
  progress: CompareProgress,
  signal: AbortSignal,
  onEnded: (result: RunResult) => void = () => undefined,
): Promise<(RunResult | null)[]> {
  const results: (RunResult | null)[] = runs.map(() => null);
  const children = new Set<(message: ToWorker) => void>();
  signal.addEventListener('abort', () => {
    for (const send of children) send({ type: 'stop' });
  });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < runs.length && !signal.aborted) {
      const index = next++;
      const run = runs[index];
      if (!run) continue;
      progress.started(run);
      results[index] = await runOne(run, baseDir, progress, children, onEnded);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, runs.length) }, lane));
  return results;
}
