import { featuresOf, tf, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { gradientPenaltyTerm } from '@ipmgan/gradient-penalty';
import { CramerGanOptions } from './CramerGanOptions.js';
import { cramerCritic, cramerLosses } from './cramerLosses.js';
import { energyDistance, energyWitness } from './energyDistance.js';

const ID = 'cramer-gan';

/** Rows [start, start + size) along the first axis. */
function rows<T extends tf.Tensor>(x: T, start: number, size: number): T {
  return tf.slice(x, [start, ...x.shape.slice(1).map(() => 0)], [size, ...x.shape.slice(1).map(() => -1)]);
}

/**
 * Algorithm 1's m triples from one step's batches of n real and n generated points: x_r the
 * first m = floor(n / 2) real rows, x_g the first m generated rows, x'_g the next m (the
 * generator's rows are independent draws, so the halves are two independent batches).
 */
function triples(inputs: ObjectiveInputs) {
  const hReal = featuresOf(inputs.criticReal, ID);
  const hFake = featuresOf(inputs.criticFake, ID);
  const n = hFake.shape[0];
  const m = Math.floor(n / 2);
  if (m < 1 || hReal.shape[0] < m) throw new Error(`${ID} needs batches of at least 2 samples, got ${String(n)}`);
  return {
    m,
    hReal: rows(hReal, 0, m),
    hGenerated: rows(hFake, 0, m),
    hGeneratedPartner: rows(hFake, m, m),
  };
}

/**
 * Cramer GAN (Bellemare et al. 2017, Algorithm 1): the energy distance of the features h(x) of
 * a learned critic. The critic minimises -(E f(x_r) - E f(x_g)) + lambda E[(||grad f(x_hat)|| - 1)^2]
 * with f(x) = ||h(x) - h(x'_g)|| - ||h(x)|| and x_hat = eps x_r + (1 - eps) x_g, eps ~ U[0, 1]
 * per sample from the objective's own random stream; the generator minimises
 * E(||h(x_r) - h(x_g)|| + ||h(x_r) - h(x'_g)|| - ||h(x_g) - h(x'_g)||). The two independent
 * generated batches are the two halves of the step's generated batch. Estimate: the energy
 * distance of the features of the whole real and generated batches, over all pairs.
 */
export const cramerGan: ObjectiveExtension<CramerGanOptions> = {
  kind: 'objective',
  id: ID,
  aliases: ['cramer'],
  description:
    "Cramer GAN: the energy distance of a learned critic's features, with Algorithm 1's gradient penalty on the critic f(x) = ||h(x) - h(x'_g)|| - ||h(x)||.",
  optionsSchema: CramerGanOptions,
  estimate: {
    name: 'ED(h)',
    meaning:
      "energy distance 2E||h(x)-h(y)|| - E||h(x)-h(x')|| - E||h(y)-h(y')|| of the critic's features of real and fake, all pairs (Bellemare et al. 2017, Sec. 4): the multivariate Cramer distance in the learned feature space, not W1",
  },
  // Algorithm 1's defaults: Adam lr 1e-4, m = 64 triples (batch 128 here, split in halves),
  // lambda 10. Adam's betas (0.5, 0.9) and 5 critic iterations per generator iteration are
  // those of the public TensorFlow port (jiamings/cramer-gan), which follows WGAN-GP's code.
  defaults: {
    batchSize: 128,
    schedule: { type: 'constant', nCritic: 5 },
    optimizers: {
      critic: { name: 'adam', lr: 1e-4, beta1: 0.5, beta2: 0.9 },
      generator: { name: 'adam', lr: 1e-4, beta1: 0.5, beta2: 0.9 },
    },
    constraints: [],
  },
  create: ({ featureSize, lambda }) => ({
    id: ID,
    usesCritic: true,
    requires: { critic: { output: 'features', size: featureSize } },
    estimateInfo: cramerGan.estimate,
    criticLoss: (inputs: ObjectiveInputs) =>
      tf.tidy(() => {
        const critic = inputs.critic;
        if (!critic) throw new Error(`${ID} needs the critic as a function for its gradient penalty`);
        const { m, hReal, hGenerated, hGeneratedPartner } = triples(inputs);
        const { surrogate } = cramerLosses(hReal, hGenerated, hGeneratedPartner);
        if (lambda === 0) return tf.neg(surrogate);
        // Drawn in sample order from the objective's stream, so a resumed run draws the same.
        const eps = tf.tensor1d(Float32Array.from({ length: m }, () => inputs.context.rng.uniform())); // [m]
        const f = (x: tf.Tensor): tf.Tensor1D => cramerCritic(featuresOf(critic(x), ID), hGeneratedPartner);
        const penalty = gradientPenaltyTerm(f, rows(inputs.real, 0, m), rows(inputs.fake, 0, m), eps, {
          lambda,
          oneSided: false,
        });
        return tf.add<tf.Scalar>(tf.neg(surrogate), penalty);
      }),
    generatorLoss: (inputs: ObjectiveInputs) =>
      tf.tidy(() => {
        const { hReal, hGenerated, hGeneratedPartner } = triples(inputs);
        return cramerLosses(hReal, hGenerated, hGeneratedPartner).generator;
      }),
    estimate: (inputs: ObjectiveInputs) =>
      energyDistance(featuresOf(inputs.criticReal, ID), featuresOf(inputs.criticFake, ID)),
    witness: (inputs: ObjectiveInputs, x: tf.Tensor) => {
      const critic = inputs.critic;
      if (!critic) throw new Error(`${ID} needs the critic as a function to measure its witness`);
      return tf.tidy(() =>
        energyWitness(featuresOf(critic(x), ID), featuresOf(inputs.criticReal, ID), featuresOf(inputs.criticFake, ID)),
      );
    },
  }),
};
