import { scoreOf, type CriticOutput, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { z } from 'zod';
import { ganLosses } from './ganLosses.js';

const GanOptions = z.strictObject({
  /** `nonSaturating`: -E_g[log D(G(z))] (the paper's -log D); `minimax`: E_g[log(1 - D(G(z)))]. */
  generatorLoss: z.enum(['nonSaturating', 'minimax']).default('nonSaturating'),
  /** One-sided label smoothing: the discriminator's target on real samples (e.g. 0.9); 1 is none. */
  realLabel: z.number().gt(0).lte(1).default(1),
});

/** The discriminator's logits l(x) [batch]: the critic's score. */
function logits(output: CriticOutput | undefined) {
  return scoreOf(output, 'gan');
}

/**
 * The standard GAN (Goodfellow et al. 2014): the critic's score is the discriminator's
 * logit l(x), D = sigmoid(l). Its estimate is the Jensen-Shannon lower bound of the
 * paper's Sec. 4.3.
 */
export const gan: ObjectiveExtension<z.output<typeof GanOptions>> = {
  kind: 'objective',
  id: 'gan',
  aliases: ['standard-gan'],
  description:
    'Standard GAN: a logistic discriminator D = sigmoid(l(x)); non-saturating (-log D) or minimax generator.',
  optionsSchema: GanOptions,
  estimate: {
    name: 'JS lower bound',
    meaning:
      '0.5 (E_r[log D] + E_g[log(1 - D)]) + log 2: at most JS(P_r, P_g) <= log 2, tight at the optimal D (Sec. 4.3)',
  },
  // DCGAN's settings (Radford et al. 2016): Adam lr 2e-4, beta1 0.5 (0.9 oscillated),
  // one discriminator step per generator step, minibatch 64; no Lipschitz constraint.
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 1 },
    optimizers: {
      critic: { name: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
      generator: { name: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
    },
    constraints: [],
  },
  create: ({ generatorLoss, realLabel }) => ({
    id: 'gan',
    usesCritic: true,
    requires: { critic: { output: 'score' } },
    estimateInfo: gan.estimate,
    criticLoss: (inputs: ObjectiveInputs) =>
      ganLosses.discriminator(logits(inputs.criticReal), logits(inputs.criticFake), realLabel),
    generatorLoss: (inputs: ObjectiveInputs) => ganLosses[generatorLoss](logits(inputs.criticFake)),
    estimate: (inputs: ObjectiveInputs) => ganLosses.jsLowerBound(logits(inputs.criticReal), logits(inputs.criticFake)),
  }),
};
