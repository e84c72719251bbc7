import { lipschitzEstimate } from '../metrics/lipschitzEstimate.js';
import { Rng } from '../random/Rng.js';
import type { Run } from '../runs/createRun.js';
import { tf } from '../tensorflow.js';

/**
 * The run's critic's K (lipschitzEstimate, as the evaluator computes it) on `count` real and
 * `count` generated points drawn from their own stream `seed`: near 1 for a gradient-penalised
 * or spectrally normalised critic, far below it for a clipped one.
 */
export function criticLipschitz(run: Run, count = 256, seed = 17): number {
  const { critic, data, generator } = run.trainer;
  if (!critic) throw new Error(`objective ${run.trainer.objective.id} trains no critic`);
  const rng = new Rng(seed);
  return tf.tidy(() => lipschitzEstimate(critic, data.sample(count, rng), generator.sample(count, rng), rng));
}
