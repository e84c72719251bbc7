import { tf } from '@ipmgan/core';
import { openRun } from '@ipmgan/core/engine';
import type { ObjectiveEntry } from '../ObjectiveEntrySchema.js';
import { estimateOnSamples } from '../estimateOnSamples.js';
import { parallelLinesBase } from './parallelLinesBase.js';
import { resolveEntry, type RunBase } from '../resolveEntry.js';
import { trainCritic } from '../trainCritic.js';

/** What one objective's critic says about P_0 against P_theta after training at a frozen theta. */
export interface ThetaEstimate {
  readonly theta: number;
  /** The objective's estimate on fresh samples (W1*K, JS lower bound, TV in [0, 2], MMD^2). */
  readonly estimate: number;
  /** The critic's Lipschitz estimate K (objectives with a critic), else null. */
  readonly lipschitz: number | null;
  /** Critic loss averaged over the last tenth of the critic steps (null without a critic). */
  readonly finalCriticLoss: number | null;
}

/**
 * Builds the run of `entry` with the generator frozen at `theta` (data P_0, generator
 * g_theta), trains its critic for `criticSteps` steps, and takes the estimate on
 * `evaluationSamples` fresh real and generated samples.
 */
export async function estimateAtTheta(
  entry: ObjectiveEntry,
  field: string,
  base: Omit<RunBase, 'generator' | 'data' | 'iterations' | 'logEvery'>,
  settings: { theta: number; criticSteps: number; batchSize: number; evaluationSamples: number },
  signal?: AbortSignal,
): Promise<ThetaEstimate> {
  const { config, plugins } = await resolveEntry(entry, parallelLinesBase(base, settings.theta, 1, 1), field);
  const run = await openRun({ resolved: config, plugins }, { directory: null });
  try {
    const { critic, generator, data, state } = run.trainer;
    let finalCriticLoss: number | null = null;
    if (critic) {
      const losses = await trainCritic(run, settings.criticSteps, settings.batchSize, signal);
      const tail = losses.slice(-Math.max(1, Math.floor(losses.length / 10)));
      finalCriticLoss = tail.reduce((a, b) => a + b, 0) / tail.length;
    }
    const real = data.sample(settings.evaluationSamples, state.rng);
    const fake = generator.sample(settings.evaluationSamples, state.rng);
    const { estimate, lipschitz } = estimateOnSamples(run, real, fake);
    tf.dispose([real, fake]);
    return { theta: settings.theta, estimate, lipschitz, finalCriticLoss };
  } finally {
    run.dispose();
  }
}
