import { tf, type ObjectiveExtension, type ObjectiveInputs } from '@ipmgan/core';
import { medianHeuristic } from './medianHeuristic.js';
import { mmdEstimators } from './mmdEstimators.js';
import { MmdOptions } from './MmdOptions.js';

/** sqrt is clamped here so that its gradient 1 / (2 sqrt(.)) stays finite at MMD^2 <= 0. */
const SQRT_FLOOR = 1e-8;

/** [batch, ...shape] -> [batch, prod(shape)]: images become vectors. */
function flatten(t: tf.Tensor): tf.Tensor2D {
  return tf.reshape(t, [t.shape[0], -1]);
}

/**
 * MMD / GMMN (paper Appendix D; Li et al. 2015; Dziugaite et al. 2015): no critic network,
 * the generator minimises the kernel MMD between a real and a generated batch. The
 * estimate logged is always the unbiased MMD^2, whatever the loss.
 */
export const mmd: ObjectiveExtension<MmdOptions> = {
  kind: 'objective',
  id: 'mmd',
  aliases: ['gmmn'],
  description:
    'Maximum mean discrepancy under a Gaussian kernel mixture (GMMN): no critic, the generator minimises MMD between batches.',
  optionsSchema: MmdOptions,
  estimate: {
    name: 'MMD^2',
    meaning: 'unbiased estimate of MMD^2 between real and generated batches under the Gaussian kernel mixture',
  },
  // Adam 1e-3 (Kingma & Ba's default): with no critic there is no adversarial game for
  // momentum to destabilise, so the paper's warning against Adam does not apply; GMMN used
  // its own SGD-with-momentum settings. Batch 256: the toy setups' usual size; the cost is
  // quadratic, so GMMN's 1000 on MNIST costs ~15x more per step (set it in the config).
  // The critic optimizer is never used: there is no critic.
  defaults: {
    batchSize: 256,
    schedule: { type: 'constant', nCritic: 0 },
    optimizers: {
      critic: { name: 'adam', lr: 1e-3 },
      generator: { name: 'adam', lr: 1e-3 },
    },
    constraints: [],
  },
  create: (options) => {
    const bandwidthsFor = (x: tf.Tensor2D, y: tf.Tensor2D): readonly number[] => {
      if (options.bandwidths !== 'median') return options.bandwidths;
      const median = medianHeuristic(x, y);
      return options.medianFactors.map((f) => f * median);
    };
    const mmd2 = (inputs: ObjectiveInputs, estimator: MmdOptions['estimator']): tf.Scalar =>
      tf.tidy(() => {
        const x = flatten(inputs.real); // [batch, d]
        const y = flatten(inputs.fake); // [batch, d]
        return mmdEstimators[estimator](x, y, bandwidthsFor(x, y));
      });
    return {
      id: 'mmd',
      usesCritic: false,
      requires: {},
      estimateInfo: mmd.estimate,
      criticLoss: () => {
        throw new Error('mmd trains no critic: the trainer skips the critic loop (usesCritic is false)');
      },
      generatorLoss: (inputs) => {
        const value = mmd2(inputs, options.estimator);
        return options.loss === 'sqrt' ? tf.tidy(() => tf.sqrt(tf.maximum<tf.Scalar>(value, SQRT_FLOOR))) : value;
      },
      estimate: (inputs) => mmd2(inputs, 'unbiased'),
    };
  },
};
