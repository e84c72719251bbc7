import { setImmediate } from 'node:timers/promises';
import { Rng, tf } from '@ipmgan/core';
import {
  criticIterations,
  criticStep,
  DivergenceError,
  exactW1,
  generatorStep,
  openRun,
  pointsFromTensor,
  type Run,
} from '@ipmgan/core/engine';
import { blowUps } from './blowUps.js';
import type { E8Config } from './E8ConfigSchema.js';
import type { ExperimentOptions } from '../ExperimentOptions.js';
import type { ObjectiveEntry } from '../ObjectiveEntrySchema.js';
import { resolveEntry } from '../resolveEntry.js';
import { trainedRunBase } from '../trainedRunBase.js';

const MEASURE_SALT = 0x65380000;

/** One critic optimizer's WGAN run. */
export interface E8Run {
  readonly label: string;
  /** The logged estimate (W1 * K) at every generator iteration. */
  readonly estimates: readonly number[];
  /** cos(the optimizer's step, -gradient) of every critic step, with its generator iteration. */
  readonly cosines: readonly { readonly iteration: number; readonly cosine: number }[];
  /** Exact W1 every recordEvery iterations. */
  readonly w1: readonly { readonly iteration: number; readonly w1: number }[];
  /** Generator iterations where the estimate blew up (blowUps). */
  readonly blowUps: readonly number[];
  /** Share of critic steps with a negative cosine. */
  readonly negativeShare: number;
  /** Share of negative cosines among the critic steps within `near` iterations of a blow-up, and elsewhere (NaN when there are none). */
  readonly negativeShareNear: number;
  readonly negativeShareElsewhere: number;
  readonly seconds: number;
}

export interface E8Results {
  readonly runs: readonly E8Run[];
}

/**
 * The critic's optimizer with every step measured: takes `inner`'s step and records
 * cos(delta, -g) = -<delta, g> / (|delta| |g|) over all the variables it updates, delta being the
 * change it made (before any projection such as clipping, which criticStep runs after the step).
 * It is handed to core's criticStep in place of `inner`; `inner` keeps its own state and slots.
 */
class CosineRecordingOptimizer extends tf.Optimizer {
  constructor(
    private readonly inner: tf.Optimizer,
    private readonly record: (cosine: number) => void,
  ) {
    super();
  }

  applyGradients(gradients: Parameters<tf.Optimizer['applyGradients']>[0]): void {
    const list = Array.isArray(gradients)
      ? gradients
      : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    const variables = list.map((g) => tf.engine().registeredVariables[g.name]);
    const before = variables.map((v): tf.Tensor | null => (v ? tf.clone(v as tf.Tensor) : null));
    this.inner.applyGradients(gradients);
    const cosine = tf.tidy(() => {
      let dot: tf.Tensor = tf.scalar(0);
      let stepNorm: tf.Tensor = tf.scalar(0);
      let gradNorm: tf.Tensor = tf.scalar(0);
      list.forEach((g, i) => {
        const v = variables[i];
        const b = before[i];
        if (!v || !b) return;
        const delta = tf.sub(v, b);
        dot = tf.add(dot, tf.sum(tf.mul(delta, g.tensor)));
        stepNorm = tf.add(stepNorm, tf.sum(tf.square(delta)));
        gradNorm = tf.add(gradNorm, tf.sum(tf.square(g.tensor)));
      });
      return tf.div(tf.neg(dot), tf.sqrt(tf.mul(stepNorm, gradNorm))).dataSync()[0] ?? Number.NaN;
    });
    tf.dispose(before.filter((b): b is tf.Tensor => b !== null));
    this.record(cosine);
  }

  getConfig(): tf.serialization.ConfigDict {
    return this.inner.getConfig();
  }
}

/**
 * Trains `run` for its iterations as core's Trainer does (per generator iteration the schedule's
 * critic steps, then a generator step with its estimate), through core's exported step functions
 * with the critic's optimizer measured by CosineRecordingOptimizer. Calls `afterIteration` with
 * each iteration's estimate; a non-finite loss is a DivergenceError, as in the Trainer. An aborted
 * `signal` stops it before the next iteration with the signal's reason.
 */
async function trainMeasured(
  run: Run,
  record: (iteration: number, cosine: number) => void,
  afterIteration: (iteration: number, estimate: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const { trainer } = run;
  const { criticOptimizer, generatorOptimizer, rng } = trainer.state;
  if (!criticOptimizer) throw new Error('e8: WGAN trains a critic');
  const { batchSize, schedule, iterations } = trainer.config.training;
  let iteration = trainer.state.iteration + 1;
  const critic = new CosineRecordingOptimizer(criticOptimizer, (cosine) => {
    record(iteration, cosine);
  });
  for (; iteration <= iterations; iteration++) {
    // Yield to the event loop so that an aborted signal (Ctrl-C in ipmgan reproduce) is seen.
    if (signal) {
      await setImmediate();
      signal.throwIfAborted();
    }
    const k = criticIterations(schedule, trainer.state.iteration);
    for (let j = 0; j < k; j++) {
      const criticLoss = criticStep(trainer, critic, { batchSize, rng });
      if (!Number.isFinite(criticLoss)) throw new DivergenceError(iteration, 'critic', criticLoss);
    }
    const { loss, estimate } = generatorStep(trainer, generatorOptimizer, { batchSize, rng }, true);
    if (!Number.isFinite(loss)) throw new DivergenceError(iteration, 'generator', loss);
    trainer.state.iteration = iteration;
    afterIteration(iteration, estimate ?? Number.NaN);
  }
}

/**
 * Momentum in the critic: WGAN on the same data, nets, clipping, generator and seed with each
 * critic optimizer of `config.variants` at the one learning rate `config.lr`, through core's
 * Trainer; every critic step's cosine between the optimizer's step and the negative gradient,
 * the estimate at every iteration and exact W1 every `recordEvery`.
 */
export async function measureE8(config: E8Config, options: ExperimentOptions = {}): Promise<E8Results> {
  const runs: E8Run[] = [];
  for (const [index, variant] of config.variants.entries()) {
    const entry: ObjectiveEntry = {
      ...config.objective,
      batchSize: config.batchSize,
      optimizers: {
        ...config.objective.optimizers,
        critic: { ...variant.optimizer, lr: config.lr } as ObjectiveEntry['optimizers']['critic'],
      },
    };
    const { config: resolved, plugins } = await resolveEntry(
      entry,
      trainedRunBase(config, 1),
      `variants.${String(index)}`,
    );
    const estimates: number[] = [];
    const iterations: number[] = [];
    const w1: { iteration: number; w1: number }[] = [];
    const cosines: { iteration: number; cosine: number }[] = [];
    const run = await openRun({ resolved, plugins }, { directory: null });
    const start = performance.now();
    try {
      await trainMeasured(
        run,
        (iteration, cosine) => cosines.push({ iteration, cosine }),
        (iteration, estimate) => {
          estimates.push(estimate);
          iterations.push(iteration);
          if (iteration % config.recordEvery !== 0 && iteration !== config.iterations) return;
          const rng = new Rng((config.seed ^ MEASURE_SALT) + Math.imul(iteration, 0x9e3779b1));
          const real = run.trainer.data.sample(config.evaluationSamples, rng);
          const fake = run.trainer.generator.sample(config.evaluationSamples, rng, false);
          try {
            w1.push({ iteration, w1: exactW1(pointsFromTensor(fake), pointsFromTensor(real)) });
          } finally {
            tf.dispose([real, fake]);
          }
        },
        options.signal,
      );
    } finally {
      run.dispose();
    }
    const seconds = (performance.now() - start) / 1000;
    const events = blowUps(estimates, iterations, config.blowUp);
    const near = (iteration: number): boolean => events.some((e) => Math.abs(iteration - e) <= config.blowUp.near);
    const share = (list: readonly { cosine: number }[]): number =>
      list.length === 0 ? Number.NaN : list.filter((c) => c.cosine < 0).length / list.length;
    runs.push({
      label: variant.label,
      estimates,
      cosines,
      w1,
      blowUps: events,
      negativeShare: share(cosines),
      negativeShareNear: share(cosines.filter((c) => near(c.iteration))),
      negativeShareElsewhere: share(cosines.filter((c) => !near(c.iteration))),
      seconds,
    });
    options.log?.(
      `e8: ${variant.label}: ${String(events.length)} blow-ups, ${(share(cosines) * 100).toFixed(1)} % negative cosines, final W1 ${w1.at(-1)?.w1.toFixed(3) ?? '?'} (${seconds.toFixed(0)} s)`,
    );
  }
  return { runs };
}
