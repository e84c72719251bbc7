import { EXACT_W1_MAX_POINTS, openRun, SampleQualityEvaluator, ShippedDigitClassifier } from '@ipmgan/core/engine';
import { CliError } from '../CliError.js';
import { formatTable } from '../format/formatTable.js';

export interface EvaluateOptions {
  readonly checkpoint?: number;
  /** Generated and real samples (default: the run's evaluation.samples). */
  readonly samples?: number;
  readonly json?: boolean;
}

/**
 * `ipmgan eval RUN`: the sample-quality metrics of a checkpoint (those the evaluator logs
 * during training: w1, slicedW1, mmd2, mode metrics on mixtures, and the critic's
 * Lipschitz estimate when there is a critic) against fresh real samples. With the run's
 * sample count it reproduces the `evaluation` logged at that iteration.
 */
export async function evaluate(runPath: string, options: EvaluateOptions, cwd: string): Promise<void> {
  // Refused before anything is allocated: w1 is an exact n x n assignment, MMD all n^2 pairs.
  if (options.samples !== undefined && options.samples > EXACT_W1_MAX_POINTS)
    throw new CliError(
      `-n: ${String(options.samples)} samples; at most ${String(EXACT_W1_MAX_POINTS)} (exact W1 solves an n x n assignment, as evaluation.samples allows)`,
    );
  const run = await openRun({
    runDirectory: runPath,
    cwd,
    mode: 'read',
    ...(options.checkpoint === undefined ? {} : { iteration: options.checkpoint }),
    adjust: (config) => ({
      ...config,
      evaluation: { ...config.evaluation, samples: options.samples ?? config.evaluation.samples, lipschitz: true },
    }),
  });
  const iteration = run.trainer.state.iteration;
  try {
    const metrics = new SampleQualityEvaluator().evaluate(run.trainer, iteration);
    const samples = run.config.evaluation.samples;
    // JSON has no NaN or Infinity (JSON.stringify writes null): such a value is written as
    // the string "NaN", "Infinity" or "-Infinity", and the command fails after printing.
    const bad = Object.entries(metrics).filter(([, value]) => !Number.isFinite(value));
    const fail = (): void => {
      if (bad.length === 0) return;
      process.stderr.write(
        `ipmgan: eval: ${bad.map(([key, value]) => `${key} is ${String(value)}`).join(', ')} at checkpoint ${String(iteration)} (the generator's samples are not finite)\n`,
      );
      process.exitCode = 1;
    };
    if (options.json === true) {
      const written = Object.fromEntries(
        Object.entries(metrics).map(([key, value]) => [key, Number.isFinite(value) ? value : String(value)]),
      );
      process.stdout.write(`${JSON.stringify({ run: runPath, iteration, samples, metrics: written }, null, 2)}\n`);
      fail();
      return;
    }
    process.stdout.write(
      `${run.config.objective.name} on ${run.config.data.name}, checkpoint ${String(iteration)}, ${String(samples)} generated vs ${String(samples)} real samples\n`,
    );
    process.stdout.write(
      formatTable(
        ['metric', 'value'],
        Object.entries(metrics).map(([key, value]) => [key, value.toPrecision(6)]),
      ),
    );
    if ('digitFrechet' in metrics)
      process.stdout.write(
        `note: the digit* rows are measured with ipmgan's small MNIST classifier (${(100 * ShippedDigitClassifier.load().info.heldOutAccuracy).toFixed(1)} % held-out accuracy), not Inception-v3: digitFrechet and digitKid are not comparable with published FID or KID\n`,
      );
    fail();
  } finally {
    run.dispose();
  }
}
