import { ConfigError } from '@ipmgan/core';
import { describeKernels, DivergenceError, openRun, type KernelSet } from '@ipmgan/core/engine';
import { writeRunReport } from '@ipmgan/report';
import { applySetOverride, parseSetAssignment } from '../applySetOverride.js';
import { ProgressReporter } from '../ProgressReporter.js';
import { untilInterrupted } from '../untilInterrupted.js';

export interface TrainOptions {
  readonly config?: string;
  readonly resume?: string;
  readonly iterations?: number;
  readonly set: readonly string[];
  /** Say which kernels train (native or wasm, and why). */
  readonly verbose?: boolean;
}

function sameKernels(a: KernelSet, b: KernelSet): boolean {
  return a.native && b.native ? a.kernels.join() === b.kernels.join() : a.native === b.native;
}

/** --set and --iterations of a resumed run, as changes recorded in its amendments. */
function resumeChanges(options: TrainOptions): { path: string; value: unknown }[] {
  const changes = options.set.map(parseSetAssignment);
  if (options.iterations !== undefined) changes.push({ path: 'training.iterations', value: options.iterations });
  return changes;
}

/**
 * `ipmgan train`: trains the configured objective, writing a run directory. Ctrl-C stops
 * after the current iteration and writes a checkpoint that `--resume DIR` continues from;
 * `--set` and `--iterations` with `--resume` continue with the change, recorded in the run
 * directory as an amendment (only fields that leave the checkpoint meaningful).
 */
export async function train(options: TrainOptions, cwd: string): Promise<void> {
  const progress = new ProgressReporter();
  if (options.resume !== undefined && options.config !== undefined)
    throw new ConfigError('--resume: continues the run with its saved config; drop -c (change fields with --set)');
  const run = await openRun(
    options.resume !== undefined
      ? { runDirectory: options.resume, cwd, mode: 'resume', changes: resumeChanges(options) }
      : {
          file: options.config,
          cwd,
          edit: (raw) => {
            let out = raw;
            for (const assignment of options.set) out = applySetOverride(out, assignment);
            if (options.iterations !== undefined)
              out = applySetOverride(out, `training.iterations=${String(options.iterations)}`);
            return out;
          },
        },
    { hooks: [progress] },
  );
  const target = run.config.training.iterations;
  progress.target = target;
  progress.estimateName = run.config.objective.estimate.name;
  const directory = run.directory?.path ?? '(none)';
  process.stderr.write(
    `ipmgan: training ${run.config.objective.name} on ${run.config.data.name} (${run.config.backend}), ` +
      `iterations ${String(run.trainer.state.iteration)} -> ${String(target)}, run directory ${directory}\n`,
  );
  if (options.verbose === true) process.stderr.write(`ipmgan: kernels: ${describeKernels(run.kernels)}\n`);
  // Exactness holds per kernel set: a run resumed on other kernels continues, but not bit for bit.
  const started = run.config.kernels;
  if (options.resume !== undefined && started !== undefined && !sameKernels(started, run.kernels))
    process.stderr.write(
      `ipmgan: note: this run started on ${started.native ? 'native' : 'wasm'} kernels and resumes on ${run.kernels.native ? 'native' : 'wasm'} ones; its numbers will not match an uninterrupted run bit for bit\n`,
    );
  try {
    const outcome = await untilInterrupted('finishing this iteration and writing a checkpoint', (signal) =>
      run.trainer.fit({ iterations: target, signal }),
    );
    const verb = outcome.reason === 'stopped' ? 'stopped' : 'finished';
    process.stdout.write(
      `ipmgan: ${verb} at iteration ${String(outcome.iteration)}; results in ${directory}` +
        (run.checkpointer?.lastCheckpoint ? ` (checkpoint ${run.checkpointer.lastCheckpoint})` : '') +
        '\n',
    );
    if (run.directory) {
      const report = await writeRunReport(run.directory.path);
      process.stdout.write(`report: ${report.html}\n`);
    }
    if (outcome.reason === 'stopped') process.exitCode = 130;
  } catch (error) {
    if (error instanceof DivergenceError) {
      const last = run.checkpointer?.lastGoodCheckpoint() ?? 'none';
      throw new Error(`training diverged: ${error.message}; last good checkpoint: ${last}`);
    }
    throw error;
  } finally {
    run.dispose();
  }
}
