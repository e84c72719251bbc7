// Imports from the contract entry, exactly what a plugin gets from '@ipmgan/core'.
import { inputGradient, scoreOf, tf, type ObjectiveExtension, type ObjectiveInputs } from '../index.js';
import { z } from 'zod';

const UnitGradientOptions = z.strictObject({
  /** rho: the quadratic penalty's weight and the multiplier's learning rate. */
  rho: z.number().positive().default(1e-2),
});

/**
 * Example objective with the critic as a function and a multiplier of its own
 * (docs/plugin-contract.md): the IPM E_r f - E_g f over score critics whose mean squared input
 * gradient on the mixture of both batches, Omega = E_mu ||grad_x f||^2, is held at 1 by the
 * augmented Lagrangian L = IPM + lambda (1 - Omega) - rho/2 (1 - Omega)^2 (Sobolev GAN's shape).
 * The critic minimises -L; lambda steps lambda <- lambda - rho dL/dlambda after each critic step.
 */
export const unitGradientObjective: ObjectiveExtension<z.output<typeof UnitGradientOptions>> = {
  kind: 'objective',
  id: 'unit-gradient',
  description: 'Example: an IPM whose critic has mean squared input gradient 1, by an augmented Lagrangian.',
  optionsSchema: UnitGradientOptions,
  estimate: { name: 'IPM', meaning: 'E_r f - E_g f with E_mu ||grad f||^2 held at 1' },
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 2 },
    optimizers: { critic: { name: 'adam', lr: 1e-4 }, generator: { name: 'adam', lr: 1e-4 } },
    constraints: [],
  },
  create: ({ rho }) => {
    const id = 'unit-gradient';
    // Made on first use: resolving a config creates the objective too, and must not allocate.
    let lambda: tf.Variable<tf.Rank.R0> | undefined;
    const multiplier = (): tf.Variable<tf.Rank.R0> => (lambda ??= tf.variable(tf.scalar(0), true));
    const ipm = (inputs: ObjectiveInputs): tf.Scalar =>
      tf.sub(tf.mean(scoreOf(inputs.criticReal, id)), tf.mean(scoreOf(inputs.criticFake, id)));
    return {
      id,
      usesCritic: true,
      requires: {
        critic: { output: 'score' },
        refusesConstraints: [
          {
            id: 'weight-clipping',
            reason: 'clipped weights may not reach E||grad f||^2 = 1, and the multiplier then grows without bound',
          },
        ],
      },
      estimateInfo: unitGradientObjective.estimate,
      criticLoss: (inputs) => {
        const { critic } = inputs;
        if (!critic) throw new Error(`${id} trains a critic: its inputs carry it`);
        const mixture = tf.concat([inputs.real, inputs.fake]); // [2 batch, ...shape]: mu = (P + Q) / 2
        const gradient = inputGradient((x) => scoreOf(critic(x), id), mixture); // on the tape
        const squares = tf.square(tf.reshape(gradient, [mixture.shape[0], -1])); // [2 batch, d]
        const omega = tf.mean<tf.Scalar>(tf.sum(squares, 1));
        const constraint = tf.sub<tf.Scalar>(1, omega); // dL/dlambda
        const lagrangian = tf.sub<tf.Scalar>(
          tf.add(ipm(inputs), tf.mul(multiplier(), constraint)),
          tf.mul(rho / 2, tf.square(constraint)),
        );
        return tf.neg(lagrangian);
      },
      generatorLoss: (inputs) => tf.neg(tf.mean<tf.Scalar>(scoreOf(inputs.criticFake, id))),
      estimate: ipm,
      get auxiliary() {
        return {
          variables: { lambda: multiplier() },
          // gradients.lambda = d(critic loss)/dlambda = -dL/dlambda, so lambda - rho dL/dlambda is lambda + rho g.
          update: (gradients: Readonly<Record<string, tf.Tensor>>) => {
            const g = gradients.lambda;
            if (!g) throw new Error(`${id}: no gradient for lambda`);
            const value = multiplier();
            tf.tidy(() => {
              value.assign(tf.add(value, tf.mul(rho, tf.reshape<tf.Rank.R0>(g, []))));
            });
          },
        };
      },
    };
  },
};
