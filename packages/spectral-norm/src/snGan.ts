import { scoreOf, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { z } from 'zod';
import { hingeLosses } from './hingeLosses.js';

const SnGanOptions = z.strictObject({});

/**
 * SN-GAN (Miyato et al. 2018): the hinge loss with a spectrally normalised critic. The
 * normalisation is not part of the loss: it is the `spectral-norm` constraint, which the
 * defaults attach (and which any other objective's critic can use, e.g. `wgan`'s).
 */
export const snGan: ObjectiveExtension<z.output<typeof SnGanOptions>> = {
  kind: 'objective',
  id: 'sn-gan',
  aliases: ['sngan'],
  description:
    'SN-GAN: hinge loss with every critic kernel divided by its largest singular value (spectral normalisation).',
  optionsSchema: SnGanOptions,
  estimate: {
    name: 'IPM(SN)',
    meaning:
      "E[f(x)] - E[f(g(z))] of a critic whose layers have spectral norm 1: a lower bound on W1 (the critic's K is at most 1), loosened by the hinge",
  },
  // The paper's Table 1, setting C: Adam alpha 2e-4, beta1 0.5, beta2 0.999, n_dis 1 (one
  // critic update per generator update); batch 64 as in its CIFAR-10 and STL-10 runs.
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 1 },
    optimizers: {
      critic: { name: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
      generator: { name: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
    },
    constraints: [{ name: 'spectral-norm', options: {} }],
  },
  create: () => ({
    id: 'sn-gan',
    usesCritic: true,
    requires: { critic: { output: 'score' } },
    estimateInfo: snGan.estimate,
    criticLoss: (inputs: ObjectiveInputs) =>
      hingeLosses.critic(scoreOf(inputs.criticReal, 'sn-gan'), scoreOf(inputs.criticFake, 'sn-gan')),
    generatorLoss: (inputs: ObjectiveInputs) => hingeLosses.generator(scoreOf(inputs.criticFake, 'sn-gan')),
    estimate: (inputs: ObjectiveInputs) =>
      hingeLosses.estimate(scoreOf(inputs.criticReal, 'sn-gan'), scoreOf(inputs.criticFake, 'sn-gan')),
  }),
};
