import { tf } from '../tensorflow.js';
import { objectiveInputs } from './objectiveInputs.js';
import type { BatchSource, GeneratorBatch, StepPlayers } from './StepPlayers.js';

/**
 * One generator step (Algorithm 1, lines 9-11): noise, a real batch, the objective's
 * generator loss and one optimizer step on the generator's variables. With `withEstimate`
 * the objective's estimate is taken before the generator moves, on the same batch. The real
 * batch is drawn on every step, read or not, so that logging an estimate (which reads it)
 * never shifts the random stream: logEvery cannot change training. Memory-clean.
 */
export function generatorStep(
  players: StepPlayers,
  optimizer: tf.Optimizer,
  source: BatchSource<GeneratorBatch>,
  withEstimate: boolean,
): { readonly loss: number; readonly estimate?: number } {
  const { objective, generator } = players;
  let estimate: tf.Scalar | undefined;
  const cost = tf.tidy((): tf.Scalar => {
    const { z, real } =
      typeof source === 'function'
        ? source()
        : {
            z: generator.noise(source.batchSize, source.rng), // [batch, noiseDim]
            real: players.data.sample(source.batchSize, source.rng), // [batch, ...shape]
          };
    const value = optimizer.minimize(
      () => {
        const inputs = objectiveInputs(players, real, generator.generate(z, true), { lazyReal: true });
        const loss = objective.generatorLoss(inputs);
        if (withEstimate) estimate = tf.keep(objective.estimate(inputs));
        return loss;
      },
      true,
      generator.trainableVariables as tf.Variable[],
    );
    if (!value) throw new Error('optimizer returned no cost');
    return value;
  });
  const read = (t: tf.Scalar): number => {
    const v = t.dataSync()[0] ?? Number.NaN;
    t.dispose();
    return v;
  };
  const loss = read(cost);
  return estimate ? { loss, estimate: read(estimate) } : { loss };
}
