import { Rng, type StepResult, type TrainerContext, type TrainerHook } from '@ipmgan/core';
import { openRun } from '@ipmgan/core/engine';
import type { ObjectiveEntry } from '../ObjectiveEntrySchema.js';
import { generatorGradient } from '../generatorGradient.js';
import { parallelLinesBase } from './parallelLinesBase.js';
import { resolveEntry, type RunBase } from '../resolveEntry.js';
import { trainCritic } from '../trainCritic.js';

/** One recorded point of a theta trajectory. */
export interface ThetaPoint {
  readonly iteration: number;
  readonly theta: number;
  /** The objective's estimate logged at this iteration (before the generator step). */
  readonly estimate: number | null;
}

export interface ThetaTraining {
  readonly theta0: number;
  /** d L_G / d theta at theta0 after the critic's pretraining (the first step's gradient, up to the batch). */
  readonly initialGradient: number;
  readonly thetaFinal: number;
  readonly iterations: number;
  readonly trajectory: readonly ThetaPoint[];
  readonly seconds: number;
}

function readTheta(context: TrainerContext): number {
  const [theta] = context.generator.trainableVariables;
  if (!theta) throw new Error('the generator has no theta');
  return theta.dataSync()[0] ?? Number.NaN;
}

/**
 * Trains g_theta(z) = (theta, z) from theta0 towards P_0 with one objective through the
 * real Trainer (its schedule, optimizers and constraints), recording theta every
 * `recordEvery` generator iterations. The critic is first trained alone for
 * `pretrainCriticSteps` steps at theta0: the paper's question is what an optimal critic's
 * gradient does to the generator.
 */
export async function trainTheta(
  entry: ObjectiveEntry,
  field: string,
  base: Omit<RunBase, 'generator' | 'data' | 'iterations' | 'logEvery'>,
  settings: {
    theta0: number;
    iterations: number;
    recordEvery: number;
    pretrainCriticSteps: number;
    batchSize: number;
    gradientSamples: number;
  },
  signal?: AbortSignal,
): Promise<ThetaTraining> {
  const { config, plugins } = await resolveEntry(
    entry,
    parallelLinesBase(base, settings.theta0, settings.iterations, settings.recordEvery),
    field,
  );
  const trajectory: ThetaPoint[] = [{ iteration: 0, theta: settings.theta0, estimate: null }];
  const recorder: TrainerHook = {
    name: 'theta-recorder',
    afterGeneratorStep(context: TrainerContext, step: StepResult) {
      if (step.iteration % settings.recordEvery === 0 || step.iteration === settings.iterations)
        trajectory.push({ iteration: step.iteration, theta: readTheta(context), estimate: step.estimate ?? null });
    },
  };
  const run = await openRun({ resolved: config, plugins }, { directory: null, hooks: [recorder] });
  try {
    const start = performance.now();
    if (run.trainer.critic) await trainCritic(run, settings.pretrainCriticSteps, settings.batchSize, signal);
    const [initialGradient = Number.NaN] = generatorGradient(run, settings.gradientSamples, new Rng(config.seed + 1));
    await run.trainer.fit(signal ? { signal } : {});
    signal?.throwIfAborted();
    const seconds = (performance.now() - start) / 1000;
    return {
      theta0: settings.theta0,
      initialGradient,
      thetaFinal: readTheta(run.trainer),
      iterations: settings.iterations,
      trajectory,
      seconds,
    };
  } finally {
    run.dispose();
  }
}
