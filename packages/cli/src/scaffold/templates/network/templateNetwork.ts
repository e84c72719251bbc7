import { tf, type KernelTransform, type NetworkExtension, type WeightLayer } from '@ipmgan/core';
import { z } from 'zod';

const TemplateNetworkOptions = z.strictObject({
  /** Standard deviation of the kernel's initial N(0, std^2) entries. */
  initStd: z.number().positive().default(0.1),
});

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * One affine map: flatten, x W + b, reshape to the output shape. The kernel is exposed as a
 * WeightLayer so that constraints can project or reparametrise it; initial draws come from
 * `shapes.rng` and variable names start with `shapes.name`.
 */
export const templateNetwork: NetworkExtension<z.output<typeof TemplateNetworkOptions>> = {
  kind: 'network',
  id: 'template-network',
  description: 'A single affine layer from the flattened input to the flattened output.',
  optionsSchema: TemplateNetworkOptions,
  create: ({ initStd }, shapes) => {
    const inUnits = product(shapes.inputShape);
    const outUnits = product(shapes.outputShape);
    const kernel = tf.variable(
      tf.randomNormal([inUnits, outUnits], 0, initStd, 'float32', shapes.rng.seed()),
      true,
      `${shapes.name}/kernel`,
    ); // [in, out]
    const bias = tf.variable(tf.zeros([outUnits]), true, `${shapes.name}/bias`); // [out]
    let transform: KernelTransform | null = null;
    const layer: WeightLayer = {
      kind: 'dense',
      name: shapes.name,
      kernel,
      bias,
      get transform() {
        return transform;
      },
      reparametrise(next) {
        transform = next;
      },
    };
    return {
      inputShape: shapes.inputShape,
      outputShape: shapes.outputShape,
      trainableVariables: [kernel, bias],
      stateVariables: [],
      layers: [layer],
      apply: (x, training) =>
        tf.tidy(() => {
          const [batch = -1] = x.shape;
          const w = transform ? transform(kernel, training) : kernel; // a constraint's reparametrisation
          const y = tf.add(tf.matMul(tf.reshape(x, [batch, inUnits]), w), bias); // [batch, out]
          return tf.reshape(y, [batch, ...shapes.outputShape]);
        }),
      dispose: () => {
        tf.dispose([kernel, bias]);
      },
    };
  },
};
