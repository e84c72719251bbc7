// A child process of runComparison (ipmgan compare, ipmgan reproduce) and of a queue worker
// (ipmgan worker): trains one run that was planned and reports progress over IPC. Not an API:
// the entry point that trainInChild forks.
import type { StepResult, TrainerHook } from '@ipmgan/core';
import { DivergenceError, openRun, type RunDirectory } from '@ipmgan/core/engine';
import { writeRunReport } from '@ipmgan/report';
import { sendToParent } from './sendToParent.js';
import type { FromWorker, ToWorker } from './WorkerMessage.js';

/** A typed sendToParent: the messages runComparison's trainInChild expects. */
const send = (message: FromWorker): Promise<void> => sendToParent(message);

const controller = new AbortController();
// Ctrl-C reaches every process of the terminal's group; the parent also sends 'stop'.
process.on('SIGINT', () => {
  controller.abort();
});
process.on('SIGTERM', () => {
  controller.abort();
});
// The parent is gone (killed, crashed): stop after this iteration, with a checkpoint, rather than train on as an orphan.
process.on('disconnect', () => {
  controller.abort();
});

/** The run's report.html and report.md; a run that wrote no metrics has nothing to report, and a report that fails does not fail the run. */
async function writeReport(directory: RunDirectory | null): Promise<void> {
  if (!directory) return;
  try {
    if (directory.readMetrics().length > 0) await writeRunReport(directory.path);
  } catch (error) {
    process.stderr.write(`ipmgan: ${directory.path}: report not written (${(error as Error).message})\n`);
  }
}

/**
 * Trains one run directory: from its latest checkpoint when it has checkpoints (a resumed
 * compare), else from iteration 0, discarding only the metrics and sample files a worker
 * killed before its first checkpoint wrote. The run's lock is held throughout.
 */
async function train(start: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const { baseDir } = start;
  const relay: TrainerHook = {
    name: 'compare-progress',
    afterGeneratorStep: (_trainer, step: StepResult) => {
      // Not awaited: progress is best effort, and a send to a parent that is gone fails quietly.
      const w1 = step.evaluation?.w1;
      void send({
        type: 'progress',
        iteration: step.iteration,
        ...(step.estimate === undefined ? {} : { estimate: step.estimate }),
        ...(w1 === undefined ? {} : { w1 }),
      });
    },
  };
  const run = await openRun(
    {
      runDirectory: start.directory,
      cwd: baseDir,
      mode: 'continue',
      baseDir,
      ...(start.threads === undefined ? {} : { threads: start.threads }),
    },
    { hooks: [relay] },
  );
  const directory = run.directory;
  try {
    const outcome = await run.trainer.fit({ signal: controller.signal });
    // Seconds of training across every attempt (a resumed run counts those before it), as metrics.jsonl does.
    const seconds = run.trainer.elapsedSeconds();
    // The run's own report, as `ipmgan train` writes one, before the parent hears the run ended.
    await writeReport(directory);
    await send({ type: 'done', outcome, seconds });
  } catch (error) {
    // A run that diverged or failed still gets a report of what it wrote.
    await writeReport(directory);
    throw error;
  } finally {
    run.dispose();
  }
}

process.on('message', (message: ToWorker) => {
  if (message.type === 'stop') {
    controller.abort();
    return;
  }
  train(message).then(
    () => {
      process.exit(0);
    },
    async (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      await send({ type: 'failed', message: text.split('\n')[0] ?? text, diverged: error instanceof DivergenceError });
      process.exit(1);
    },
  );
});
