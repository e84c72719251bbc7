import { tf, type Network, type NetworkExtension } from '@ipmgan/core';
import { z } from 'zod';

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
  create({ theta: initial }, shapes): Network {
    const [inputSize, ...rest] = shapes.inputShape;
    if (inputSize !== 1 || rest.length > 0)
      throw new Error(`parallel-line expects noise of dimension 1, got [${shapes.inputShape.join(', ')}]`);
    if (shapes.outputShape.length !== 1 || shapes.outputShape[0] !== 2)
      throw new Error(`parallel-line makes 2-D points, the data has shape [${shapes.outputShape.join(', ')}]`);
    // The variable takes a reference to its initial value, which is then freed.
    const initialValue = tf.scalar(initial);
    const theta = tf.variable(initialValue, true, `${shapes.name}/theta`);
    initialValue.dispose();
    return {
      inputShape: [1],
      outputShape: [2],
      trainableVariables: [theta],
      stateVariables: [],
      apply: (u) =>
        tf.tidy(() => {
          const z = tf.div(tf.add(tf.reshape(u, [-1, 1]), 1), 2); // [batch, 1], U[0, 1]
          return tf.concat([tf.mul(tf.onesLike(z), theta), z], 1); // [batch, 2]
        }),
      dispose: () => {
        theta.dispose();
      },
    };
  },
};
