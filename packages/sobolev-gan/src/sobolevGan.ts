import { scoreOf, tf, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { z } from 'zod';
import { multiplierStep } from './multiplierStep.js';
import { sobolevLagrangian } from './sobolevLagrangian.js';
import { sobolevNorm } from './sobolevNorm.js';

const ID = 'sobolev-gan';

const SobolevGanOptions = z.strictObject({
  /** rho: the quadratic penalty weight and the multiplier's learning rate (Algorithm 1). */
  rho: z.number().positive().default(1e-5),
});

/**
 * Sobolev GAN (Mroueh, Li, Sercu, Raj and Cheng 2018): the Sobolev IPM sup_f E_P f - E_Q f over
 * critics with E_mu ||grad_x f(x)||^2 = 1, mu = (P + Q)/2, through the augmented Lagrangian of
 * Algorithm 1. The critic minimises -L; the objective evaluates the critic's input gradient on
 * the real/fake mixture itself (`inputs.critic`). The multiplier lambda (0 at the start) is the
 * objective's own variable, stepped by lambda <- lambda - rho dL/dlambda after each critic step,
 * on the same batch; the generator minimises -E_Q f.
 */
export const sobolevGan: ObjectiveExtension<z.output<typeof SobolevGanOptions>> = {
  kind: 'objective',
  id: ID,
  aliases: ['sobolev'],
  description:
    "Sobolev GAN: an IPM whose critic's input gradient has mean square 1 on the real/fake mixture, held by an augmented Lagrangian with its own multiplier.",
  optionsSchema: SobolevGanOptions,
  estimate: {
    name: 'Sobolev IPM',
    meaning:
      "E_P f - E_Q f with the critic's squared input gradient held at 1 on average over real and fake: the Sobolev IPM (paper Sec. 2), a Cramér-like distance of conditional CDFs, not W1",
  },
  // Algorithm 1 with the paper's optimiser (Adam lr 1e-4, beta1 0.5, beta2 0.999) and rho
  // 1e-5; 2 critic iterations per generator iteration as in the same authors' Fisher GAN code;
  // batch 64. No Lipschitz constraint: the Sobolev constraint takes its place.
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 2 },
    optimizers: {
      critic: { name: 'adam', lr: 1e-4, beta1: 0.5, beta2: 0.999 },
      generator: { name: 'adam', lr: 1e-4, beta1: 0.5, beta2: 0.999 },
    },
    constraints: [],
  },
  create: ({ rho }) => {
    // Made on first use, when the run is built (resolveConfig also calls create, only to read metadata).
    let lambda: tf.Variable<tf.Rank.R0> | undefined;
    const multiplier = (): tf.Variable<tf.Rank.R0> => (lambda ??= tf.variable(tf.scalar(0), true));
    return {
      id: ID,
      usesCritic: true,
      requires: { critic: { output: 'score' } },
      estimateInfo: sobolevGan.estimate,
      criticLoss: (inputs: ObjectiveInputs) =>
        tf.tidy(() => {
          const { critic } = inputs;
          if (!critic) throw new Error(`${ID} needs the critic as a function of x (inputs.critic)`);
          const omega = sobolevNorm((x) => scoreOf(critic(x), ID), inputs.real, inputs.fake);
          const real = scoreOf(inputs.criticReal, ID);
          const fake = scoreOf(inputs.criticFake, ID);
          return tf.neg(sobolevLagrangian(real, fake, omega, multiplier(), rho).lagrangian);
        }),
      generatorLoss: (inputs: ObjectiveInputs) => tf.neg(tf.mean<tf.Scalar>(scoreOf(inputs.criticFake, ID))),
      estimate: (inputs: ObjectiveInputs) =>
        tf.sub(tf.mean(scoreOf(inputs.criticReal, ID)), tf.mean(scoreOf(inputs.criticFake, ID))),
      get auxiliary() {
        return {
          variables: { lambda: multiplier() },
          // d(critic loss)/dlambda = -dL/dlambda = -(1 - Omega), so the constraint is minus the gradient.
          update(gradients: Readonly<Record<string, tf.Tensor>>) {
            const gradient = gradients.lambda;
            if (!gradient) throw new Error(`${ID}: no gradient for lambda`);
            const value = multiplier();
            tf.tidy(() => {
              value.assign(multiplierStep(value, tf.reshape<tf.Rank.R0>(tf.neg(gradient), []), rho));
            });
          },
        };
      },
    };
  },
};
