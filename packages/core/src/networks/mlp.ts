import { z } from 'zod';
import { activation } from './layers/activation.js';
import { batchNorm } from './layers/batchNorm.js';
import { dense } from './layers/dense.js';
import type { Layer } from './layers/Layer.js';
import { reshape } from './layers/reshape.js';
import { sequentialNetwork } from './layers/sequentialNetwork.js';
import { defineNetwork } from './defineNetwork.js';

const MlpOptions = z.strictObject({
  /** Units of each hidden layer. */
  hidden: z.array(z.number().int().positive()).default(() => [512, 512, 512]),
  activation: z.enum(['relu', 'leakyRelu', 'tanh']).default('relu'),
  /** Negative-side slope of 'leakyRelu'. */
  leakySlope: z.number().nonnegative().default(0.2),
  /** Batch norm between each hidden dense layer and its activation. */
  batchNorm: z.boolean().default(false),
  outputActivation: z.enum(['none', 'tanh', 'sigmoid']).default('none'),
  init: z.enum(['pytorch', 'dcgan']).default('pytorch'),
});

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Fully connected network: flatten -> (dense -> [BN] -> activation) x hidden -> dense -> reshape. */
export const mlp = defineNetwork<z.output<typeof MlpOptions>>({
  kind: 'network',
  id: 'mlp',
  description: 'Multilayer perceptron: flattened input, dense hidden layers (optional batch norm), dense output.',
  optionsSchema: MlpOptions,
  estimateSize(options, shapes) {
    const units = [product(shapes.inputShape), ...options.hidden, product(shapes.outputShape)];
    let weights = 0;
    let activationsPerSample = 0;
    for (let i = 0; i + 1 < units.length; i++) {
      const outUnits = units[i + 1] ?? 0;
      const withBatchNorm = i + 2 < units.length && options.batchNorm;
      // Kernel and bias, or kernel and batch norm's scale, shift and two running statistics.
      weights += (units[i] ?? 0) * outUnits + (withBatchNorm ? 4 * outUnits : outUnits);
      // The dense output, the activation's (and the normalised values with batch norm).
      activationsPerSample += (withBatchNorm ? 3 : 2) * outUnits;
    }
    return { weights, activationsPerSample };
  },
  create(options, shapes) {
    const { rng, name } = shapes;
    const units = [product(shapes.inputShape), ...options.hidden, product(shapes.outputShape)];
    const layers: Layer[] = [reshape([-1])]; // [batch, in]
    let index = 0;
    for (let i = 0; i + 1 < units.length; i++) {
      const inUnits = units[i] ?? 0;
      const outUnits = units[i + 1] ?? 0;
      const isHidden = i + 2 < units.length;
      const withBatchNorm = isHidden && options.batchNorm;
      const hidden = options.activation;
      const layer = {
        name: `${name}/layer${index++}`,
        inUnits,
        outUnits,
        bias: !withBatchNorm,
        init: options.init,
        rng,
      };
      const fusable = isHidden ? hidden !== 'tanh' : options.outputActivation === 'none';
      if (!withBatchNorm && fusable) {
        // The dense layer with its ReLU / LeakyReLU (or none) as one layer (one fused kernel where the backend has it).
        const act = isHidden && hidden !== 'tanh' ? hidden : undefined;
        layers.push(
          dense({ ...layer, ...(act === undefined ? {} : { activation: act, leakySlope: options.leakySlope }) }),
        );
        continue;
      }
      layers.push(dense(layer)); // [batch, out]
      if (withBatchNorm && hidden !== 'tanh') {
        // Batch norm with its ReLU / LeakyReLU as one layer (one fused kernel where the backend has it).
        const bn = { name: `${name}/layer${index++}`, channels: outUnits, init: options.init, rng };
        layers.push(batchNorm({ ...bn, activation: hidden, leakySlope: options.leakySlope }));
        continue;
      }
      if (withBatchNorm) {
        layers.push(batchNorm({ name: `${name}/layer${index++}`, channels: outUnits, init: options.init, rng }));
      }
      layers.push(isHidden ? activation(hidden, options.leakySlope) : activation(options.outputActivation));
    }
    layers.push(reshape(shapes.outputShape)); // [batch, ...outputShape]
    return sequentialNetwork({ inputShape: shapes.inputShape, outputShape: shapes.outputShape, layers });
  },
});
