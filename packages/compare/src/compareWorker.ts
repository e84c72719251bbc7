// A child process of runComparison (ipmgan compare, ipmgan reproduce): trains one run that the
// parent planned and reports progress over IPC. Not an API: the entry point that runInWorkers forks.
import {
  corePlugin,
  createRun,
  DivergenceError,
  importPlugin,
  resumeRun,
  RunDirectory,
  type ResolvedConfig,
  type Run,
  type StepResult,
  type TrainerHook,
} from '@ipmgan/core';
import type { FromWorker, ToWorker } from './WorkerMessage.js';

function send(message: FromWorker): Promise<void> {
  return new Promise((done) => {
    if (!process.send || !process.connected) {
      done();
      return;
    }
    // With a callback, a failed send (EPIPE: the parent died) is handed to it instead of thrown.
    process.send(message, undefined, {}, () => {
      done();
    });
  });
}

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

/**
 * Trains one run directory: from its latest checkpoint when it has one (a resumed compare),
 * else from iteration 0, discarding what a worker killed before its first checkpoint wrote.
 */
async function train(start: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const { baseDir } = start;
  const relay: TrainerHook = {
    name: 'compare-progress',
    afterGeneratorStep: (_trainer, step: StepResult) => {
      // Not awaited: progress is best effort, and a send to a parent that is gone fails quietly.
      void send(
        step.estimate === undefined
          ? { type: 'progress', iteration: step.iteration }
          : { type: 'progress', iteration: step.iteration, estimate: step.estimate },
      );
    },
  };
  const directory = RunDirectory.open(start.directory, 'compare', { clean: true });
  let run: Run;
  if (directory.latestCheckpoint()) {
    run = await resumeRun(directory.path, baseDir, { baseDir, hooks: [relay] });
  } else {
    directory.discardProgress();
    const config = directory.readConfig();
    const plugins = [
      corePlugin,
      await importPlugin(config.objective.package, baseDir, 'objective.package'),
      ...(await Promise.all(config.plugins.map((p, i) => importPlugin(p, baseDir, `plugins.${String(i)}`)))),
    ];
    run = await createRun(config, plugins, { baseDir, directory, hooks: [relay] });
    // The plan wrote the config before the run existed; record the data source's definition and
    // the kernels it trains with as train does.
    directory.writeConfig({
      ...config,
      kernels: run.kernels,
      data: { ...config.data, definition: run.trainer.data.definition },
    } as ResolvedConfig);
  }
  const began = performance.now();
  try {
    const outcome = await run.trainer.fit({ signal: controller.signal });
    await send({ type: 'done', outcome, seconds: (performance.now() - began) / 1000 });
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
