import { scoreOf, tf, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { z } from 'zod';
import { fisherLagrangian, multiplierStep } from './fisherLagrangian.js';

const FisherGanOptions = z.strictObject({
  /** rho: the quadratic penalty weight and the multiplier's learning rate; 1e-6 in the authors' code (main.py --rho). */
  rho: z.number().positive().default(1e-6),
});

/**
 * Fisher GAN (Mroueh and Sercu 2017): the IPM sup_f E_P f - E_Q f over critics whose second
 * moment Omega = (E_P f^2 + E_Q f^2)/2 is 1, through the augmented Lagrangian of Eq. 9. The
 * critic minimises -L; the multiplier lambda (0 at the start, as in the authors' code) is
 * the objective's own variable, stepped by lambda <- lambda - rho dL/dlambda after each critic
 * step, on the same batch; the generator minimises -E_Q f.
 */
export const fisherGan: ObjectiveExtension<z.output<typeof FisherGanOptions>> = {
  kind: 'objective',
  id: 'fisher-gan',
  aliases: ['fisher'],
  description:
    "Fisher GAN: an IPM whose critic's second moment on real and fake is held at 1 by an augmented Lagrangian with its own multiplier.",
  optionsSchema: FisherGanOptions,
  estimate: {
    name: 'IPM',
    meaning:
      "E_P f - E_Q f with the critic's second moment held at 1: the Fisher IPM (paper Sec. 2), a chi-square-like distance, not W1",
  },
  // The authors' README commands for CIFAR-10 and LSUN: Adam lr 2e-4 for both players,
  // beta1 0.5 (beta2 0.999, PyTorch's), 2 critic iterations, batch 64, rho 1e-6. No Lipschitz
  // constraint: the second-moment constraint takes its place.
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 2 },
    optimizers: {
      critic: { name: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
      generator: { name: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
    },
    constraints: [],
  },
  create: ({ rho }) => {
    // Made on first use, when the run is built (resolveConfig also calls create, only to read metadata).
    let lambda: tf.Variable<tf.Rank.R0> | undefined;
    const multiplier = (): tf.Variable<tf.Rank.R0> => (lambda ??= tf.variable(tf.scalar(0), true));
    return {
      id: 'fisher-gan',
      usesCritic: true,
      requires: { critic: { output: 'score' } },
      estimateInfo: fisherGan.estimate,
      criticLoss: (inputs: ObjectiveInputs) =>
        tf.tidy(() =>
          tf.neg(
            fisherLagrangian(
              scoreOf(inputs.criticReal, 'fisher-gan'),
              scoreOf(inputs.criticFake, 'fisher-gan'),
              multiplier(),
              rho,
            ).lagrangian,
          ),
        ),
      generatorLoss: (inputs: ObjectiveInputs) => tf.neg(tf.mean<tf.Scalar>(scoreOf(inputs.criticFake, 'fisher-gan'))),
      estimate: (inputs: ObjectiveInputs) =>
        tf.sub(tf.mean(scoreOf(inputs.criticReal, 'fisher-gan')), tf.mean(scoreOf(inputs.criticFake, 'fisher-gan'))),
      get auxiliary() {
        return {
          variables: { lambda: multiplier() },
          // d(critic loss)/dlambda = -dL/dlambda = -(1 - Omega), so the constraint is minus the gradient.
          update(gradients: Readonly<Record<string, tf.Tensor>>) {
            const gradient = gradients.lambda;
            if (!gradient) throw new Error('fisher-gan: no gradient for lambda');
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
