import { scoreOf, tf, type CriticOutput, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { z } from 'zod';
import { ebganLosses } from './ebganLosses.js';
import { pullingAway } from './pullingAway.js';

/**
 * m = 1: the margin of the references that use a mean-MSE energy. On the toy sets (coordinates
 * of order 1) an untrained autoencoder's mean squared error is of order 1 too, so the hinge acts
 * on the fakes from the start. Measured on ring8 (2x128 MLPs, 300 iterations, seed 3): m = 0.1,
 * 0.3, 1 and 3 all train, to a mean distance to the nearest mode of 0.29, 0.29, 0.28 and 0.29.
 */
const defaultMargin = 1;

const EbganOptions = z
  .strictObject({
    /**
     * How the critic's output becomes an energy D(x) >= 0. `autoencoder` (critic.form
     * 'autoencoder', the default form): core's mean squared reconstruction error, already >= 0.
     * `softplus` (critic.form 'score'): D(x) = softplus(f(x)) of a scalar critic f.
     */
    energy: z.enum(['autoencoder', 'softplus']).default('autoencoder'),
    /**
     * The margin m, for energies reduced by the MEAN over a sample's coordinates (core's
     * autoencoder energy; the EBGAN references use m = 1 with mean MSE, torchgan m = 80 with
     * summed energies). The default: see `defaultMargin`.
     */
    margin: z.number().positive().optional(),
    /** Weight of the pulling-away term on the fake batch's codes (autoencoder energy only; EBGAN-PT uses 0.1). */
    pullingAway: z.number().nonnegative().optional(),
  })
  .superRefine((options, context) => {
    if (options.energy === 'softplus' && (options.pullingAway ?? 0) > 0)
      context.addIssue({
        code: 'custom',
        path: ['pullingAway'],
        message: "needs the codes of an autoencoder critic: use energy 'autoencoder', or pullingAway 0",
      });
  })
  .transform(({ energy, margin, pullingAway }) => ({
    energy,
    margin: margin ?? defaultMargin,
    pullingAway: pullingAway ?? (energy === 'autoencoder' ? 0.1 : 0),
  }));

export type EbganOptions = z.output<typeof EbganOptions>;

/**
 * The energies D >= 0 of one batch [batch]. The critic is the form `requires` asked for (core
 * checks the config against it): the autoencoder's reconstruction energy, or a scalar critic's
 * softplus.
 */
function energyOf(output: CriticOutput | undefined, energy: EbganOptions['energy']): tf.Tensor1D {
  const score = scoreOf(output, 'ebgan');
  return energy === 'autoencoder' ? score : tf.softplus(score);
}

/**
 * EBGAN (Zhao et al. 2017) as the generative approach to total variation (Arjovsky,
 * Chintala, Bottou 2017, Appendix E): the critic is an energy D >= 0 with a hinge at m on
 * the fakes; at the optimal energy the generator's loss is (m / 2) TV(P_r, P_g).
 */
export const ebgan: ObjectiveExtension<EbganOptions> = {
  kind: 'objective',
  id: 'ebgan',
  aliases: ['energy-gan'],
  description:
    'Energy-based GAN seen as total variation: an energy D >= 0 (autoencoder error or softplus of a critic) with margin m.',
  optionsSchema: EbganOptions,
  estimate: {
    name: 'TV',
    meaning:
      '2 (E_g[min(D, m)] - E_r[min(D, m)]) / m: the total variation ||P_r - P_g||_TV in [0, 2] ' +
      '(the sup over |f| <= 1 of Appendix E), exact only at an optimal energy (Theorem 4)',
  },
  // Adam with beta1 0.5 as in EBGAN's DCGAN-derived setups; lr 1e-3 (common in EBGAN toy
  // implementations, above DCGAN's 2e-4 for images) trains the ring in 300 iterations with
  // 2x128 MLPs (ebgan.spec.ts). One critic step per generator step, batch 64; no Lipschitz
  // constraint: the hinge and D >= 0 bound what the generator sees.
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 1 },
    optimizers: {
      critic: { name: 'adam', lr: 1e-3, beta1: 0.5, beta2: 0.999 },
      generator: { name: 'adam', lr: 1e-3, beta1: 0.5, beta2: 0.999 },
    },
    constraints: [],
  },
  create: ({ energy, margin, pullingAway: weight }) => ({
    id: 'ebgan',
    usesCritic: true,
    // energy 'autoencoder' needs critic.form autoencoder; 'softplus' a scalar critic (critic.form score).
    requires: { critic: { output: energy === 'autoencoder' ? 'autoencoder' : 'score' } },
    estimateInfo: ebgan.estimate,
    criticLoss: (inputs: ObjectiveInputs) =>
      ebganLosses.critic(energyOf(inputs.criticReal, energy), energyOf(inputs.criticFake, energy), margin),
    generatorLoss: (inputs: ObjectiveInputs) => {
      const loss = ebganLosses.generator(energyOf(inputs.criticReal, energy), energyOf(inputs.criticFake, energy));
      const codes = inputs.criticFake?.code;
      return weight > 0 && codes ? tf.add(loss, tf.mul(weight, pullingAway(codes))) : loss;
    },
    estimate: (inputs: ObjectiveInputs) =>
      ebganLosses.totalVariation(energyOf(inputs.criticReal, energy), energyOf(inputs.criticFake, energy), margin),
  }),
};
