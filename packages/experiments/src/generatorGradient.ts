import { tf, type Objective, type Rng } from '@ipmgan/core';
import { objectiveInputs, type Run } from '@ipmgan/core/engine';

/**
 * d L_G / d v for each trainable generator variable v, the gradient the Trainer's
 * generator step would follow, on `samples` fresh real and generated samples drawn from
 * `rng`. Reads the first element of each variable (the experiments' generators are scalars).
 * `objective` replaces the run's own, e.g. the minimax form of the GAN loss on the same critic.
 */
export function generatorGradient(
  run: Run,
  samples: number,
  rng: Rng,
  objective: Objective = run.trainer.objective,
): number[] {
  const { critic, generator, data, plugins } = run.trainer;
  const variables = generator.trainableVariables as tf.Variable[];
  return tf.tidy(() => {
    const real = data.sample(samples, rng);
    const z = generator.noise(samples, rng);
    const { grads } = tf.variableGrads(() => {
      const fake = generator.generate(z, false);
      const inputs = objectiveInputs({ critic, objective, plugins }, real, fake, { training: false });
      return objective.generatorLoss(inputs);
    }, variables);
    return variables.map((v) => grads[v.name]?.dataSync()[0] ?? Number.NaN);
  });
}
