import { z } from 'zod';
import { activation } from './layers/activation.js';
import { batchNorm } from './layers/batchNorm.js';
import { conv2dTranspose } from './layers/conv2dTranspose.js';
import { dense } from './layers/dense.js';
import type { Layer } from './layers/Layer.js';
import { reshape } from './layers/reshape.js';
import { sequentialNetwork } from './layers/sequentialNetwork.js';
import { defineNetwork } from './defineNetwork.js';
import { ConfigError } from '../config/ConfigError.js';

const DcganGeneratorOptions = z.strictObject({
  /** Channels of the 14x14 layer; the 7x7 layer has twice as many unless constantFilters. */
  filters: z.number().int().positive().default(64),
  batchNorm: z.boolean().default(true),
  /** Paper Section 4.4 / Figure 7: every conv layer has `filters` channels. */
  constantFilters: z.boolean().default(false),
  /** 'tanh' for data in [-1, 1], 'sigmoid' for data in [0, 1]. */
  outputActivation: z.enum(['tanh', 'sigmoid', 'none']).default('tanh'),
  init: z.enum(['pytorch', 'dcgan']).default('dcgan'),
});

const KERNEL = 4;

/**
 * DCGAN generator for 28x28x1 images:
 * z -> dense 7x7xC1 -> [BN] ReLU -> deconv to 14x14xC2 -> [BN] ReLU -> deconv to 28x28x1 -> tanh.
 */
export const dcganGenerator = defineNetwork<z.output<typeof DcganGeneratorOptions>>({
  kind: 'network',
  id: 'dcgan-generator',
  description: 'DCGAN generator for 28x28x1 images: dense to 7x7, two stride-2 transposed convolutions.',
  optionsSchema: DcganGeneratorOptions,
  estimateSize(options, shapes) {
    const zSize = shapes.inputShape.reduce((a, b) => a * b, 1);
    const c2 = options.filters;
    const c1 = options.constantFilters ? c2 : 2 * c2;
    // Batch norm (scale, shift, two running statistics per channel) replaces a layer's bias.
    const biasOr = (bias: number, channels: number): number => (options.batchNorm ? 4 * channels : bias);
    const bnOut = (units: number): number => (options.batchNorm ? units : 0);
    return {
      weights:
        zSize * 49 * c1 + biasOr(49 * c1, c1) + KERNEL * KERNEL * c1 * c2 + biasOr(c2, c2) + KERNEL * KERNEL * c2 + 1,
      // Each layer's output, batch norm's and the activation's: 7x7xC1, 14x14xC2, 28x28x1.
      activationsPerSample: 2 * 49 * c1 + bnOut(49 * c1) + 2 * 196 * c2 + bnOut(196 * c2) + 2 * 784,
    };
  },
  create(options, shapes) {
    const { inputShape, outputShape, rng, name } = shapes;
    if (outputShape.length !== 3 || outputShape[0] !== 28 || outputShape[1] !== 28 || outputShape[2] !== 1) {
      throw new ConfigError(
        `network: dcgan-generator makes [28, 28, 1] images, but the output shape is [${outputShape.join(', ')}] (input [${inputShape.join(', ')}]).`,
      );
    }
    const { filters, init } = options;
    const c2 = filters;
    const c1 = options.constantFilters ? filters : 2 * filters;
    const bn = options.batchNorm;
    const zSize = inputShape.reduce((a, b) => a * b, 1);
    let index = 0;
    const layerName = (): string => `${name}/layer${index++}`;

    const layers: Layer[] = [reshape([-1])]; // [batch, d]
    layers.push(dense({ name: layerName(), inUnits: zSize, outUnits: 7 * 7 * c1, bias: !bn, init, rng })); // [batch, 49*C1]
    layers.push(reshape([7, 7, c1])); // [batch, 7, 7, C1]
    // Batch norm and its ReLU are one layer, so a backend with the fused kernel runs them as one.
    layers.push(
      bn ? batchNorm({ name: layerName(), channels: c1, init, rng, activation: 'relu' }) : activation('relu'),
    );
    layers.push(
      conv2dTranspose({
        name: layerName(),
        inChannels: c1,
        outChannels: c2,
        kernelSize: KERNEL,
        strides: 2,
        bias: !bn,
        init,
        rng,
      }),
    ); // [batch, 14, 14, C2]
    layers.push(
      bn ? batchNorm({ name: layerName(), channels: c2, init, rng, activation: 'relu' }) : activation('relu'),
    );
    layers.push(
      conv2dTranspose({
        name: layerName(),
        inChannels: c2,
        outChannels: 1,
        kernelSize: KERNEL,
        strides: 2,
        bias: true,
        init,
        rng,
      }),
    ); // [batch, 28, 28, 1]
    layers.push(activation(options.outputActivation));
    return sequentialNetwork({ inputShape, outputShape, layers });
  },
});
