import { lipschitzEstimate } from '../metrics/lipschitzEstimate.js';
import { Rng } from '../random/Rng.js';
import { objectiveInputs } from '../trainer/objectiveInputs.js';
import { witnessOf } from '../trainer/witnessOf.js';
import type { Run } from '../runs/createRun.js';
import { tf } from '../tensorflow.js';

/**
 * The run's critic's K (lipschitzEstimate of the objective's witness, as the evaluator computes it) on `count` real and
 * `count` generated points drawn from their own stream `seed`: near 1 for a gradient-penalised
 * or spectrally normalised critic, far below it for a clipped one.
 */
export function criticLipschitz(run: Run, count = 256, seed = 17): number {
  const { data, generator } = run.trainer;
  if (!run.trainer.critic) throw new Error(`objective ${run.trainer.objective.id} trains no critic`);
  const rng = new Rng(seed);
  return tf.tidy(() => {
    const real = data.sample(count, rng);
    const fake = generator.sample(count, rng);
    const inputs = objectiveInputs(run.trainer, real, fake, { training: false });
    const witness = witnessOf(run.trainer.objective, inputs);
    if (!witness) throw new Error(`objective ${run.trainer.objective.id} declares no witness for its features critic`);
    return lipschitzEstimate(witness, real, fake, rng);
  });
}
