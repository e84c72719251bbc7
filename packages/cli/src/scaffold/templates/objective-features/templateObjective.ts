import { featuresOf, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { z } from 'zod';
import { templateObjectiveLosses } from './templateObjectiveLosses.js';

/**
 * The options a config file sets under `objective.options`. Give each a default and say
 * why; the schema is strict, so a misspelt key is an error that names it.
 */
const Options = z.strictObject({
  /** n, the critic's outputs: core builds the critic network with n outputs (requires.critic). */
  features: z.number().int().positive().default(16),
  /** lambda of the second-moment penalty: the largest distance the critic can show is 2 / lambda. */
  lambda: z.number().positive().default(1),
});

/**
 * Mean feature matching: the distance between the means of learned critic features h(x),
 * with a second-moment penalty in the critic loss (see templateObjectiveLosses). The critic
 * is a network with n outputs, declared in `requires`: no autoencoder, no decoder, no
 * constraint. The scaffold's starting point: it trains as it is; change the losses (a
 * kernel on the features, an energy distance) or the defaults to make it your objective.
 */
export const templateObjective: ObjectiveExtension<z.output<typeof Options>> = {
  kind: 'objective',
  id: 'template-objective',
  description:
    'Mean feature matching: ||E_r[h(x)] - E_g[h(x)]|| with learned critic features h and a second-moment penalty.',
  optionsSchema: Options,
  estimate: {
    name: 'feature mean gap',
    meaning:
      '||E_r[h(x)] - E_g[h(x)]|| with the trained critic features h, whose second moment the critic loss penalises',
  },
  // Adam with beta1 0.5 as for most GANs; no constraint: the penalty bounds the features.
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 5 },
    optimizers: {
      critic: { name: 'adam', lr: 1e-3, beta1: 0.5, beta2: 0.9 },
      generator: { name: 'adam', lr: 1e-3, beta1: 0.5, beta2: 0.9 },
    },
    constraints: [],
  },
  create: ({ features, lambda }) => {
    const id = 'template-objective';
    const real = (inputs: ObjectiveInputs) => featuresOf(inputs.criticReal, id);
    const fake = (inputs: ObjectiveInputs) => featuresOf(inputs.criticFake, id);
    return {
      id,
      usesCritic: true,
      // A critic with `features` outputs per sample: core builds it and hands its features in inputs.
      requires: { critic: { output: 'features', size: features } },
      estimateInfo: templateObjective.estimate,
      criticLoss: (inputs) => templateObjectiveLosses.critic(real(inputs), fake(inputs), lambda),
      generatorLoss: (inputs) => templateObjectiveLosses.generator(real(inputs), fake(inputs)),
      estimate: (inputs) => templateObjectiveLosses.estimate(real(inputs), fake(inputs)),
      witness: (inputs, x) => {
        if (!inputs.critic) throw new Error(`${id} needs the critic as a function of x for its witness`);
        return templateObjectiveLosses.witness(real(inputs), fake(inputs), featuresOf(inputs.critic(x), id));
      },
    };
  },
};
