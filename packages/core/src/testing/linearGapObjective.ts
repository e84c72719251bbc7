import { z } from 'zod';
import type { ObjectiveExtension } from '../contracts/Extension.js';
import { tf } from '../tensorflow.js';

const Options = z.strictObject({
  /** Return NaN losses from this generator iteration on (1-based; 0 never), to test divergence handling. */
  nanFrom: z.number().int().nonnegative().default(0),
  /** Train without a critic: the generator matches the batch means directly. */
  withoutCritic: z.boolean().default(false),
});

/**
 * A small real objective for core's own tests: with a critic, the critic-score gap
 * E[f(x)] - E[f(g(z))] (WGAN's form); without one, the squared distance between the batch
 * means. It lives in core so the trainer can be tested without any objective package.
 */
export const linearGapObjective: ObjectiveExtension<z.output<typeof Options>> = {
  kind: 'objective',
  id: 'linear-gap',
  description: 'Critic-score gap, or squared mean gap without a critic (core test objective).',
  optionsSchema: Options,
  estimate: { name: 'gap', meaning: 'E[f(x)] - E[f(g(z))], or ||E[x] - E[g(z)]||^2 without a critic' },
  defaults: {
    batchSize: 16,
    schedule: { type: 'constant', nCritic: 3 },
    optimizers: { critic: { name: 'sgd', lr: 0.01 }, generator: { name: 'sgd', lr: 0.01 } },
    constraints: [{ name: 'weight-clipping', options: { clip: 0.1 } }],
  },
  create: ({ nanFrom, withoutCritic }) => {
    let generatorCalls = 0;
    const poison = (loss: tf.Scalar, iteration: number): tf.Scalar =>
      nanFrom > 0 && iteration >= nanFrom ? tf.mul(loss, Number.NaN) : loss;
    const gap = (real: tf.Tensor, fake: tf.Tensor): tf.Scalar =>
      tf.sum(tf.square(tf.sub(tf.mean(real, 0), tf.mean(fake, 0))));
    return {
      id: 'linear-gap',
      usesCritic: !withoutCritic,
      requires: withoutCritic ? {} : { critic: { output: 'score' } },
      estimateInfo: linearGapObjective.estimate,
      criticLoss: ({ criticReal, criticFake }) =>
        tf.sub(
          tf.mean<tf.Scalar>(criticFake?.score ?? tf.zeros([1])),
          tf.mean<tf.Scalar>(criticReal?.score ?? tf.zeros([1])),
        ),
      generatorLoss: (inputs) => {
        generatorCalls += 1;
        const loss = withoutCritic
          ? gap(inputs.real, inputs.fake)
          : tf.neg(tf.mean<tf.Scalar>(inputs.criticFake?.score ?? tf.zeros([1])));
        return poison(loss, generatorCalls);
      },
      estimate: (inputs) =>
        withoutCritic
          ? gap(inputs.real, inputs.fake)
          : tf.sub(
              tf.mean<tf.Scalar>(inputs.criticReal?.score ?? tf.zeros([1])),
              tf.mean<tf.Scalar>(inputs.criticFake?.score ?? tf.zeros([1])),
            ),
    };
  },
};
