import { IDS, tf, type Constraint, type ObjectiveInputs, type Run } from '@ipmgan/core';

/**
 * Trains the run's critic alone for `steps` steps with the generator frozen, the step the
 * Trainer takes (fresh real and generated batches, the objective's critic loss and any
 * penalties, then the constraints' projection) without the generator step in between.
 * Returns the critic loss of every step.
 */
export function trainCritic(run: Run, steps: number, batchSize: number): number[] {
  const { critic, objective, generator, data } = run.trainer;
  const optimizer = run.trainer.state.criticOptimizer;
  if (!critic || !optimizer) throw new Error(`objective ${objective.id} trains no critic`);
  const rng = run.trainer.state.rng;
  const constraints = run.container.get<Constraint[]>(IDS.Constraints);
  const variables = critic.trainableVariables as tf.Variable[];
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const cost = tf.tidy((): tf.Scalar => {
      const real = data.sample(batchSize, rng); // [batch, ...shape]
      const fake = generator.sample(batchSize, rng); // [batch, ...shape], no tape for the generator
      const result = optimizer.minimize(
        () => {
          const inputs: ObjectiveInputs = {
            real,
            fake,
            criticReal: critic.evaluate(real, true),
            criticFake: critic.evaluate(fake, true),
          };
          let loss = objective.criticLoss(inputs);
          for (const c of constraints) {
            if (!c.penalty) continue;
            loss = tf.add(loss, c.penalty({ real, fake, score: (x) => critic.evaluate(x, true).score }));
          }
          return loss;
        },
        true,
        variables,
      );
      if (!result) throw new Error('optimizer returned no cost');
      return result;
    });
    for (const c of constraints) c.afterCriticStep?.(critic.trainableVariables);
    losses.push(cost.dataSync()[0] ?? Number.NaN);
    cost.dispose();
  }
  return losses;
}
