// Imports from the contract entry, exactly what a plugin gets from '@ipmgan/core'.
import { featuresOf, tf, type ObjectiveExtension, type ObjectiveInputs } from '../index.js';
import { z } from 'zod';

const FeatureMeanOptions = z.strictObject({
  /** n: the critic network's output count, the length of h(x). */
  features: z.number().int().positive().default(8),
});

/**
 * Example feature-critic objective (docs/authoring-plugins.md, "A feature critic"): the MMD of
 * the linear kernel k(a, b) = a . b on learned features h, i.e. ||E_r h(x) - E_g h(x)||^2. The
 * critic h maximises it, the generator minimises it. It declares `features` outputs (core builds
 * a network with that many outputs, no decoder) and its witness w(x) = h(x) . (E_r h - E_g h),
 * whose mean difference real minus fake is the estimate: K and any penalty are measured on w.
 */
export const featureMeanObjective: ObjectiveExtension<z.output<typeof FeatureMeanOptions>> = {
  kind: 'objective',
  id: 'feature-mean',
  description: 'Example: squared distance of the mean learned features of real and generated batches.',
  optionsSchema: FeatureMeanOptions,
  estimate: {
    name: 'MMD^2 (linear)',
    meaning: '||E_r h(x) - E_g h(x)||^2: the MMD of the linear kernel on the critic features h',
  },
  // Weight clipping as WGAN's (c 0.1 here: a linear kernel of features of a clipped network is small).
  defaults: {
    batchSize: 64,
    schedule: { type: 'constant', nCritic: 5 },
    optimizers: { critic: { name: 'rmsprop', lr: 5e-5 }, generator: { name: 'rmsprop', lr: 5e-5 } },
    constraints: [{ name: 'weight-clipping', options: { clip: 0.1 } }],
  },
  create: ({ features }) => {
    const id = 'feature-mean';
    // E_r h - E_g h over the step's batches: [n].
    const meanGap = (inputs: ObjectiveInputs): tf.Tensor1D =>
      tf.sub(tf.mean(featuresOf(inputs.criticReal, id), 0), tf.mean(featuresOf(inputs.criticFake, id), 0));
    const distance = (inputs: ObjectiveInputs): tf.Scalar => tf.sum(tf.square(meanGap(inputs)));
    return {
      id,
      usesCritic: true,
      requires: { critic: { output: 'features', size: features } },
      estimateInfo: featureMeanObjective.estimate,
      criticLoss: (inputs) => tf.neg(distance(inputs)),
      generatorLoss: distance,
      estimate: distance,
      witness: (inputs, x) => {
        const { critic } = inputs;
        if (!critic) throw new Error(`${id} trains a critic: its inputs carry it`);
        const direction = tf.reshape(meanGap(inputs), [-1, 1]); // [n, 1]
        return tf.reshape(tf.matMul(featuresOf(critic(x), id), direction), [-1]); // [batch]
      },
    };
  },
};
