import { Rng, tf, type StepResult, type TrainerContext, type TrainerHook } from '@ipmgan/core';
import { exactW1, lipschitzEstimate, pointsFromTensor, spearman } from '@ipmgan/core/engine';
import { criticLayerGradients } from './criticLayerGradients.js';
import type { E6Config } from './E6ConfigSchema.js';
import type { ExperimentOptions } from '../ExperimentOptions.js';
import { missingObjective } from '../experimentPlugins.js';
import { fitRun } from '../fitRun.js';
import type { ObjectiveEntry } from '../ObjectiveEntrySchema.js';
import { resolveEntry } from '../resolveEntry.js';
import { trainedRunBase } from '../trainedRunBase.js';

// Keeps the measurement's samples apart from the training stream.
const MEASURE_SALT = 0x65360000;

/** One measurement of a clipped WGAN during training. */
export interface E6Point {
  readonly iteration: number;
  /** ||d L_critic / d W_l|| per weight matrix, input layer first. */
  readonly layerGradients: readonly number[];
  /** The logged estimate (W1 * K) of this iteration's generator step. */
  readonly estimate: number;
  /** The critic's Lipschitz estimate K and estimate / K. */
  readonly lipschitz: number;
  readonly estimateOverK: number;
  /** Exact W1 of fresh generated against fresh real samples. */
  readonly w1: number;
  /** Share of the critic's weights and biases within 1 % of the clipping bound; NaN without clipping. */
  readonly atBound: number;
}

export interface E6Run {
  /** The clipping value c; null for the WGAN-GP run. */
  readonly clip: number | null;
  /** How tables and figures name it: "c = 0.01", "wgan-gp (lambda 10)". */
  readonly label: string;
  readonly points: readonly E6Point[];
  /** Spearman's rho of the estimate against exact W1 over the run's measurements. */
  readonly rhoEstimateW1: number;
  readonly seconds: number;
}

export interface E6Results {
  /** The clipped WGAN runs, ascending c. */
  readonly runs: readonly E6Run[];
  /**
   * WGAN-GP with its own defaults (Adam, lambda, n_critic) on the same nets, data, iterations,
   * batch and seed; null when @ipmgan/gradient-penalty is not installed.
   */
  readonly penalty: E6Run | null;
}

/** The objective the clipped runs are set beside (@ipmgan/gradient-penalty). */
export const E6_PENALTY_OBJECTIVE = 'wgan-gp';

function atBound(context: TrainerContext, clip: number): number {
  const variables = context.critic?.trainableVariables ?? [];
  let near = 0;
  let total = 0;
  for (const v of variables) {
    const values = v.dataSync();
    total += values.length;
    for (const w of values) if (Math.abs(w) >= 0.99 * clip) near++;
  }
  return total === 0 ? Number.NaN : near / total;
}

/** Trains one entry through core's Trainer, measuring every `recordEvery` iterations and at the last. */
async function measureRun(
  config: E6Config,
  entry: ObjectiveEntry,
  field: string,
  clip: number | null,
  signal?: AbortSignal,
): Promise<E6Run> {
  const { config: resolved, plugins } = await resolveEntry(entry, trainedRunBase(config, config.recordEvery), field);
  const lambda = resolved.critic?.constraints.find((c) => c.name === 'gradient-penalty')?.options.lambda;
  const points: E6Point[] = [];
  const recorder: TrainerHook = {
    name: 'e6-recorder',
    afterGeneratorStep(context: TrainerContext, step: StepResult) {
      if (step.iteration % config.recordEvery !== 0 && step.iteration !== config.iterations) return;
      const critic = context.critic;
      if (!critic) throw new Error(`e6: ${entry.name} trains a critic`);
      const rng = new Rng((config.seed ^ MEASURE_SALT) + Math.imul(step.iteration, 0x9e3779b1));
      const real = context.data.sample(config.evaluationSamples, rng);
      const fake = context.generator.sample(config.evaluationSamples, rng, false);
      try {
        const lipschitz = lipschitzEstimate(critic, real, fake, rng);
        const estimate = step.estimate ?? Number.NaN;
        points.push({
          iteration: step.iteration,
          // The objective's critic loss alone (WGAN's, for both runs), without the penalty term:
          // the same quantity at every c and with the gradient penalty.
          layerGradients: criticLayerGradients(context, real, fake),
          estimate,
          lipschitz,
          estimateOverK: estimate / lipschitz,
          w1: exactW1(pointsFromTensor(fake), pointsFromTensor(real)),
          atBound: clip === null ? Number.NaN : atBound(context, clip),
        });
      } finally {
        tf.dispose([real, fake]);
      }
    },
  };
  const seconds = await fitRun(resolved, plugins, [recorder], signal);
  return {
    clip,
    label: clip === null ? `${entry.name} (lambda ${String(lambda)})` : `c = ${String(clip)}`,
    points,
    rhoEstimateW1: spearman(
      points.map((p) => p.estimate),
      points.map((p) => p.w1),
    ),
    seconds,
  };
}

/**
 * Weight clipping's trade-off: WGAN trained through core's Trainer on the same data, nets,
 * optimizer and seed at each c of `config.clips`, and WGAN-GP (its own defaults) on the same
 * data, nets, iterations, batch and seed when @ipmgan/gradient-penalty is installed (else one
 * logged line), measured every `recordEvery` iterations: the critic's per-layer gradient
 * norms, its estimate, K, exact W1 and how many weights sit at the bound.
 */
export async function measureE6(config: E6Config, options: ExperimentOptions = {}): Promise<E6Results> {
  const done = (run: E6Run): void => {
    const last = run.points.at(-1);
    options.log?.(
      `e6: ${run.label}: ${String(config.iterations)} iterations in ${run.seconds.toFixed(0)} s, final W1 ${last?.w1.toFixed(3) ?? '?'}`,
    );
  };
  const runs: E6Run[] = [];
  for (const [index, clip] of config.clips.entries()) {
    const entry: ObjectiveEntry = {
      ...config.objective,
      batchSize: config.batchSize,
      critic: { ...config.objective.critic, constraints: [{ name: 'weight-clipping', options: { clip } }] },
    };
    const run = await measureRun(config, entry, `clips.${String(index)}`, clip, options.signal);
    runs.push(run);
    done(run);
  }
  const missing = missingObjective(E6_PENALTY_OBJECTIVE);
  if (missing !== undefined) {
    options.log?.(`e6: ${E6_PENALTY_OBJECTIVE} left out: ${missing}; its claim is not judged`);
    return { runs, penalty: null };
  }
  const network = config.objective.critic.network;
  const penalty = await measureRun(
    config,
    {
      name: E6_PENALTY_OBJECTIVE,
      options: {},
      critic: network ? { network } : {},
      optimizers: {},
      batchSize: config.batchSize,
    },
    E6_PENALTY_OBJECTIVE,
    null,
    options.signal,
  );
  done(penalty);
  return { runs, penalty };
}
