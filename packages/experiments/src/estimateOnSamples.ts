import { tf } from '@ipmgan/core';
import { lipschitzEstimate, objectiveInputs, type Run } from '@ipmgan/core/engine';

/**
 * The run's objective estimate on `real` and `fake` (W1*K, JS lower bound, TV in [0, 2], MMD^2)
 * and its critic's Lipschitz estimate K (null without a critic; draws from the run's training
 * stream). The caller owns and disposes the samples.
 */
export function estimateOnSamples(
  run: Run,
  real: tf.Tensor,
  fake: tf.Tensor,
): { readonly estimate: number; readonly lipschitz: number | null } {
  const { critic, objective, state } = run.trainer;
  const estimate = tf.tidy(() => {
    const inputs = objectiveInputs(run.trainer, real, fake, { training: false });
    return objective.estimate(inputs).dataSync()[0] ?? Number.NaN;
  });
  const lipschitz = critic ? lipschitzEstimate(critic, real, fake, state.rng) : null;
  return { estimate, lipschitz };
}
