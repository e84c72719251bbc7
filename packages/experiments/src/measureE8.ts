import {
  exactW1,
  pointsFromTensor,
  Rng,
  tf,
  type StepResult,
  type TrainerContext,
  type TrainerHook,
} from '@ipmgan/core';
import { blowUps } from './blowUps.js';
import type { E8Config } from './E8ConfigSchema.js';
import type { ExperimentOptions } from './ExperimentOptions.js';
import { fitRun } from './fitRun.js';
import type { ObjectiveEntry } from './ObjectiveEntrySchema.js';
import { resolveEntry } from './resolveEntry.js';
import { trainedRunBase } from './trainedRunBase.js';

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
 * Wraps the optimizer's applyGradients so that every step it takes records
 * cos(delta, -g) = -<delta, g> / (|delta| |g|) over all the variables it updates, delta being the
 * change it made (before any projection such as clipping, which runs after the step).
 */
function recordCosines(optimizer: tf.Optimizer, record: (cosine: number) => void): void {
  const apply = optimizer.applyGradients.bind(optimizer);
  optimizer.applyGradients = (gradients: Parameters<tf.Optimizer['applyGradients']>[0]): void => {
    const list = Array.isArray(gradients)
      ? gradients
      : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    const variables = list.map((g) => tf.engine().registeredVariables[g.name]);
    const before = variables.map((v): tf.Tensor | null => (v ? tf.clone(v as tf.Tensor) : null));
    apply(gradients);
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
    record(cosine);
  };
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
    let current = 1;
    const recorder: TrainerHook = {
      name: 'e8-recorder',
      afterGeneratorStep(context: TrainerContext, step: StepResult) {
        estimates.push(step.estimate ?? Number.NaN);
        iterations.push(step.iteration);
        current = step.iteration + 1;
        if (step.iteration % config.recordEvery !== 0 && step.iteration !== config.iterations) return;
        const rng = new Rng((config.seed ^ MEASURE_SALT) + Math.imul(step.iteration, 0x9e3779b1));
        const real = context.data.sample(config.evaluationSamples, rng);
        const fake = context.generator.sample(config.evaluationSamples, rng, false);
        try {
          w1.push({ iteration: step.iteration, w1: exactW1(pointsFromTensor(fake), pointsFromTensor(real)) });
        } finally {
          tf.dispose([real, fake]);
        }
      },
    };
    const seconds = await fitRun(
      resolved,
      plugins,
      [recorder],
      (run) => {
        const optimizer = run.trainer.state.criticOptimizer;
        if (!optimizer) throw new Error('e8: WGAN trains a critic');
        recordCosines(optimizer, (cosine) => cosines.push({ iteration: current, cosine }));
      },
      options.signal,
    );
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
