import { tf, type StepResult, type TrainerContext, type TrainerHook } from '@ipmgan/core';
import { openRun, exactW1, pointsFromTensor, spearman } from '@ipmgan/core/engine';
import type { E9Config } from './E9ConfigSchema.js';
import { estimateOnSamples } from '../estimateOnSamples.js';
import type { ExperimentOptions } from '../ExperimentOptions.js';
import { fitRun } from '../fitRun.js';
import { resolveEntry } from '../resolveEntry.js';
import { trainCritic } from '../trainCritic.js';
import { trainedRunBase } from '../trainedRunBase.js';

/** One generator judged by a fresh critic. */
export interface E9Generator {
  /** The training it was taken from and its generator iteration there. */
  readonly training: string;
  readonly iteration: number;
  /** The fresh critic's estimate (W1 * K), its Lipschitz estimate K and estimate / K. */
  readonly estimate: number;
  readonly lipschitz: number;
  readonly estimateOverK: number;
  /** Exact W1 of the same generated samples against the same real ones. */
  readonly w1: number;
  /** The fresh critic's loss averaged over its last tenth of steps (-estimate when it has converged). */
  readonly finalCriticLoss: number;
}

export interface E9Results {
  readonly generators: readonly E9Generator[];
  /** Spearman's rho across generators of the estimate, and of estimate / K, against exact W1. */
  readonly rhoEstimateW1: number;
  readonly rhoEstimateOverKW1: number;
  /** Seconds spent training the generators and the fresh critics. */
  readonly trainingSeconds: number;
  readonly criticSeconds: number;
}

/** A generator's trainable values at a checkpoint (the MLP generator has no other state). */
type Snapshot = readonly { readonly shape: number[]; readonly values: Float32Array }[];

/**
 * E9: each entry of `config.trainings` trained through core's Trainer, its generator copied at
 * every checkpoint; then per copy a fresh critic (`config.critic`, the same network, clipping and
 * seed for all) trained `criticSteps` against it frozen (trainCritic), and on
 * `evaluationSamples` fresh samples its estimate, K and exact W1. Spearman across generators.
 */
export async function measureE9(config: E9Config, options: ExperimentOptions = {}): Promise<E9Results> {
  const snapshots: { training: string; iteration: number; snapshot: Snapshot }[] = [];
  const trainingStart = performance.now();
  for (const [index, entry] of config.trainings.entries()) {
    const label = entry.label ?? entry.name;
    const { config: resolved, plugins } = await resolveEntry(
      { ...entry, batchSize: entry.batchSize ?? config.batchSize },
      trainedRunBase(config, config.iterations),
      `trainings.${String(index)}`,
    );
    const recorder: TrainerHook = {
      name: 'e9-checkpoints',
      afterGeneratorStep(context: TrainerContext, step: StepResult) {
        if (!config.checkpoints.includes(step.iteration)) return;
        const snapshot = context.generator.trainableVariables.map((v) => ({
          shape: [...v.shape],
          values: Float32Array.from(v.dataSync()),
        }));
        snapshots.push({ training: label, iteration: step.iteration, snapshot });
      },
    };
    await fitRun(resolved, plugins, [recorder], options.signal);
    options.log?.(
      `e9: ${label}: ${String(config.iterations)} iterations, ${String(config.checkpoints.length)} generators`,
    );
  }
  const trainingSeconds = (performance.now() - trainingStart) / 1000;

  const criticStart = performance.now();
  const generators: E9Generator[] = [];
  const { config: criticConfig, plugins: criticPlugins } = await resolveEntry(
    { ...config.critic, batchSize: config.critic.batchSize ?? config.batchSize },
    trainedRunBase(config, 1),
    'critic',
  );
  for (const { training, iteration, snapshot } of snapshots) {
    const run = await openRun({ resolved: criticConfig, plugins: criticPlugins }, { directory: null });
    try {
      const variables = run.trainer.generator.trainableVariables;
      if (variables.length !== snapshot.length) throw new Error('e9: the generator changed shape between runs');
      variables.forEach((v, i) => {
        const saved = snapshot[i];
        if (!saved) return;
        const value = tf.tensor(saved.values, saved.shape);
        v.assign(value);
        value.dispose();
      });
      const losses = await trainCritic(
        run,
        config.criticSteps,
        config.critic.batchSize ?? config.batchSize,
        options.signal,
      );
      const tail = losses.slice(-Math.max(1, Math.floor(losses.length / 10)));
      const { data, generator, state } = run.trainer;
      const real = data.sample(config.evaluationSamples, state.rng);
      const fake = generator.sample(config.evaluationSamples, state.rng, false);
      try {
        const { estimate, lipschitz } = estimateOnSamples(run, real, fake);
        const k = lipschitz ?? Number.NaN;
        generators.push({
          training,
          iteration,
          estimate,
          lipschitz: k,
          estimateOverK: estimate / k,
          w1: exactW1(pointsFromTensor(fake), pointsFromTensor(real)),
          finalCriticLoss: tail.reduce((a, b) => a + b, 0) / tail.length,
        });
      } finally {
        tf.dispose([real, fake]);
      }
    } finally {
      run.dispose();
    }
    const g = generators.at(-1);
    options.log?.(
      `e9: ${training} at ${String(iteration)}: W1 ${g?.w1.toFixed(3) ?? '?'}, estimate ${g?.estimate.toExponential(3) ?? '?'}, K ${g?.lipschitz.toExponential(3) ?? '?'}`,
    );
  }
  const w1 = generators.map((g) => g.w1);
  return {
    generators,
    rhoEstimateW1: spearman(
      generators.map((g) => g.estimate),
      w1,
    ),
    rhoEstimateOverKW1: spearman(
      generators.map((g) => g.estimateOverK),
      w1,
    ),
    trainingSeconds,
    criticSeconds: (performance.now() - criticStart) / 1000,
  };
}
