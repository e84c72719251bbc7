import { featuresOf, tf, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { medianHeuristic } from '@ipmgan/mmd';
import { featureMmd2 } from './featureMmd2.js';
import { kernelWitness } from './kernelWitness.js';
import { MmdGanOptions } from './MmdGanOptions.js';

const ID = 'mmd-gan';

/**
 * Rows of each batch whose features the median bandwidth pools: 64 + 64 points give 8,128
 * pairs, plenty for a median, and keep its sort (on the CPU, every critic and generator step)
 * a quarter of @ipmgan/mmd's 128 + 128.
 */
const MEDIAN_ROWS = 64;

/** The first MEDIAN_ROWS rows of a batch of features. */
function medianRows(features: tf.Tensor2D): tf.Tensor2D {
  return tf.slice(features, [0, 0], [Math.min(MEDIAN_ROWS, features.shape[0]), -1]);
}

/**
 * MMD GAN (Li, Chang, Cheng, Yang, Poczos 2017): MMD^2 under a mixture of RBF kernels on the
 * features h(x) of a learned critic (Eq. 5, the kernel k(h(x), h(y))). The critic maximises
 * MMD^2(h(real), h(fake)), the generator minimises it. The paper's critic is an autoencoder
 * whose decoder only regularises h; here h is a features critic with no decoder, clipped as
 * the paper clips its encoder. Estimate: the biased MMD^2 of the two batches' features
 * (whatever `estimator` the players optimise), so that it is exactly 0 on identical batches
 * and its witness is the mean difference K is measured on.
 */
export const mmdGan: ObjectiveExtension<MmdGanOptions> = {
  kind: 'objective',
  id: ID,
  aliases: ['mmdgan'],
  description:
    "MMD GAN: MMD^2 under a mixture of RBF kernels on a learned critic's features, maximised by the critic and minimised by the generator.",
  optionsSchema: MmdGanOptions,
  estimate: {
    name: 'MMD^2(h)',
    meaning:
      "biased MMD^2 of the critic's features h(real) and h(fake) under the RBF mixture (Li et al. 2017, Eq. 5): a kernel distance in the learned feature space, not W1",
  },
  // The authors' code (mmd_gan.py, util.py, run_exp.sh): RMSProp lr 5e-5 for both players
  // (PyTorch's alpha 0.99, eps 1e-8), the encoder clipped to [-0.01, 0.01], 5 critic
  // iterations (100 for the first 25 generator iterations and every 500th: the wgan-warmup
  // schedule), batch 64.
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 5 },
    optimizers: {
      critic: { name: 'rmsprop', lr: 5e-5, decay: 0.99, epsilon: 1e-8, momentum: 0 },
      generator: { name: 'rmsprop', lr: 5e-5, decay: 0.99, epsilon: 1e-8, momentum: 0 },
    },
    constraints: [{ name: 'weight-clipping', options: { clip: 0.01 } }],
  },
  create: ({ featureSize, bandwidths, medianFactors, estimator }) => {
    /** The step's features and the kernel's bandwidths for them. */
    const features = (inputs: ObjectiveInputs) => {
      const real = featuresOf(inputs.criticReal, ID);
      const fake = featuresOf(inputs.criticFake, ID);
      const median = bandwidths === 'median' ? tf.tidy(() => medianHeuristic(medianRows(real), medianRows(fake))) : 0;
      return { real, fake, s: bandwidths === 'median' ? medianFactors.map((f) => f * median) : bandwidths };
    };
    const trained = (inputs: ObjectiveInputs): tf.Scalar => {
      const { real, fake, s } = features(inputs);
      return featureMmd2[estimator](real, fake, s);
    };
    return {
      id: ID,
      usesCritic: true,
      requires: { critic: { output: 'features', size: featureSize } },
      estimateInfo: mmdGan.estimate,
      criticLoss: (inputs: ObjectiveInputs) => tf.tidy(() => tf.neg(trained(inputs))),
      generatorLoss: trained,
      estimate: (inputs: ObjectiveInputs) => {
        const { real, fake, s } = features(inputs);
        return featureMmd2.biased(real, fake, s);
      },
      witness: (inputs: ObjectiveInputs, x: tf.Tensor) => {
        if (!inputs.critic) throw new Error(`${ID} needs the critic as a function to measure its witness`);
        const critic = inputs.critic;
        const { real, fake, s } = features(inputs);
        return tf.tidy(() => kernelWitness(featuresOf(critic(x), ID), real, fake, s));
      },
    };
  },
};
