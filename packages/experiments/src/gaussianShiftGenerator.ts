import { tf, type NetworkExtension } from '@ipmgan/core';
import { z } from 'zod';
import { oneParameterNetwork } from './oneParameterNetwork.js';

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
  create: ({ mean, std }, shapes) =>
    oneParameterNetwork(
      'gaussian-shift',
      shapes,
      { name: 'mean', initial: mean },
      1,
      (z, mu) => tf.add(tf.mul(tf.reshape(z, [-1, 1]), std), mu), // [batch, 1]
    ),
};
