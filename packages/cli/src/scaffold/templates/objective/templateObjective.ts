import { scoreOf, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { z } from 'zod';
import { templateObjectiveLosses } from './templateObjectiveLosses.js';

/**
 * The options a config file sets under `objective.options`. Give each a default and say
 * why; the schema is strict, so a misspelt key is an error that names it.
 */
const Options = z.strictObject({});

/**
 * An IPM with a score critic: sup_f E_r[f(x)] - E_g[f(g(z))] over the critics the
 * constraint allows (see templateObjectiveLosses). The scaffold's starting point: it trains
 * as it is; change the losses, the constraint or the defaults to make it your objective.
 */
export const templateObjective: ObjectiveExtension<z.output<typeof Options>> = {
  kind: 'objective',
  id: 'template-objective',
  description: 'IPM with a score critic: E_r[f(x)] - E_g[f(g(z))] maximised over the constrained critics.',
  optionsSchema: Options,
  estimate: {
    name: 'IPM',
    meaning: 'E_r[f(x)] - E_g[f(g(z))] with the trained critic f: the IPM over the critic class, from below',
  },
  // WGAN's settings (Arjovsky et al. 2017, Algorithm 1): known to train a clipped critic.
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
    id: 'template-objective',
    usesCritic: true,
    // A score critic f(x), one value per sample: core builds it and hands its scores in inputs.
    requires: { critic: { output: 'score' } },
    estimateInfo: templateObjective.estimate,
    criticLoss: (inputs: ObjectiveInputs) =>
      templateObjectiveLosses.critic(
        scoreOf(inputs.criticReal, 'template-objective'),
        scoreOf(inputs.criticFake, 'template-objective'),
      ),
    generatorLoss: (inputs: ObjectiveInputs) =>
      templateObjectiveLosses.generator(scoreOf(inputs.criticFake, 'template-objective')),
    estimate: (inputs: ObjectiveInputs) =>
      templateObjectiveLosses.estimate(
        scoreOf(inputs.criticReal, 'template-objective'),
        scoreOf(inputs.criticFake, 'template-objective'),
      ),
  }),
};
