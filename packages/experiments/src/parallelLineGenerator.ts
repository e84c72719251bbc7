import { tf, type NetworkExtension } from '@ipmgan/core';
import { z } from 'zod';
import { oneParameterNetwork } from './oneParameterNetwork.js';

const ParallelLineOptions = z.strictObject({
  /** The starting value of the one trainable parameter theta. */
  theta: z.number().default(1),
});

/**
 * g_theta(z) = (theta, Z) of the WGAN paper's Example 1, with one trainable variable theta.
 * It takes the uniform noise prior of dimension 1 (core's is U[-1, 1]) and maps it to
 * Z = (u + 1) / 2 ~ U[0, 1], so its law is the paper's P_theta exactly.
 */
export const parallelLineGenerator: NetworkExtension<z.output<typeof ParallelLineOptions>> = {
  kind: 'network',
  id: 'parallel-line',
  description:
    "WGAN paper Example 1's generator g_theta(z) = (theta, z): one trainable theta; needs noise uniform, dimension 1.",
  optionsSchema: ParallelLineOptions,
  create: ({ theta }, shapes) =>
    oneParameterNetwork('parallel-line', shapes, { name: 'theta', initial: theta }, 2, (u, variable) => {
      const z = tf.div(tf.add(tf.reshape(u, [-1, 1]), 1), 2); // [batch, 1], U[0, 1]
      return tf.concat([tf.mul(tf.onesLike(z), variable), z], 1); // [batch, 2]
    }),
};
