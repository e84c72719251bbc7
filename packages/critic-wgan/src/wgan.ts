import { scoreOf, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { z } from 'zod';
import { wassersteinLosses } from './wassersteinLosses.js';

const WganOptions = z.strictObject({});

/**
 * WGAN with weight clipping (Arjovsky, Chintala, Bottou 2017, Algorithm 1). The
 * clipping is not part of the loss: it is the `weight-clipping` constraint, which the
 * defaults below attach to the critic.
 */
export const wgan: ObjectiveExtension<z.output<typeof WganOptions>> = {
  kind: 'objective',
  id: 'wgan',
  aliases: ['wgan-clip'],
  description:
    'Wasserstein GAN: a critic approximates W1 through its Kantorovich-Rubinstein dual; weights clipped to [-c, c].',
  optionsSchema: WganOptions,
  estimate: {
    name: 'W1*K',
    meaning: "E[f(x)] - E[f(g(z))]: W1 up to the critic's Lipschitz constant K (paper Sec. 3)",
  },
  // Algorithm 1's defaults: alpha 5e-5, c 0.01, m 64, n_critic 5; RMSProp with PyTorch's
  // alpha 0.99 / eps 1e-8 as in the authors' code (momentum made the critic unstable).
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 5 },
    optimizers: {
      critic: { name: 'rmsprop', lr: 5e-5, decay: 0.99, epsilon: 1e-8, momentum: 0 },
      generator: { name: 'rmsprop', lr: 5e-5, decay: 0.99, epsilon: 1e-8, momentum: 0 },
    },
    constraints: [{ name: 'weight-clipping', options: { clip: 0.01 } }],
  },
  create: () => ({
    id: 'wgan',
    usesCritic: true,
    requires: { critic: { output: 'score' } },
    estimateInfo: wgan.estimate,
    criticLoss: (inputs: ObjectiveInputs) =>
      wassersteinLosses.critic(scoreOf(inputs.criticReal, 'wgan'), scoreOf(inputs.criticFake, 'wgan')),
    generatorLoss: (inputs: ObjectiveInputs) => wassersteinLosses.generator(scoreOf(inputs.criticFake, 'wgan')),
    estimate: (inputs: ObjectiveInputs) =>
      wassersteinLosses.estimate(scoreOf(inputs.criticReal, 'wgan'), scoreOf(inputs.criticFake, 'wgan')),
  }),
};
