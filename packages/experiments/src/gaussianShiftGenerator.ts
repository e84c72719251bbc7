import { tf, type Network, type NetworkExtension } from '@ipmgan/core';
import { z } from 'zod';

const GaussianShiftOptions = z.strictObject({
  /** The starting value of the trainable location. */
  mean: z.number().default(0),
  /** The fixed scale. */
  std: z.number().positive().default(1),
});

/**
 * g_mu(z) = mu + std z in 1-D: with the Gaussian noise prior of dimension 1 its law is
 * N(mu, std^2). The location mu is the one trainable variable, so the gradient of a
 * generator loss with respect to it is the mean gradient at the generated samples.
 */
export const gaussianShiftGenerator: NetworkExtension<z.output<typeof GaussianShiftOptions>> = {
  kind: 'network',
  id: 'gaussian-shift',
  description: 'g_mu(z) = mu + std * z in 1-D (N(mu, std^2) under Gaussian noise of dimension 1); mu trainable.',
  optionsSchema: GaussianShiftOptions,
  create({ mean, std }, shapes): Network {
    const [inputSize, ...rest] = shapes.inputShape;
    if (inputSize !== 1 || rest.length > 0)
      throw new Error(`gaussian-shift expects noise of dimension 1, got [${shapes.inputShape.join(', ')}]`);
    if (shapes.outputShape.length !== 1 || shapes.outputShape[0] !== 1)
      throw new Error(`gaussian-shift makes 1-D points, the data has shape [${shapes.outputShape.join(', ')}]`);
    // The variable takes a reference to its initial value, which is then freed.
    const initialValue = tf.scalar(mean);
    const mu = tf.variable(initialValue, true, `${shapes.name}/mean`);
    initialValue.dispose();
    return {
      inputShape: [1],
      outputShape: [1],
      trainableVariables: [mu],
      stateVariables: [],
      apply: (z) => tf.tidy(() => tf.add(tf.mul(tf.reshape(z, [-1, 1]), std), mu)), // [batch, 1]
      dispose: () => {
        mu.dispose();
      },
    };
  },
};
