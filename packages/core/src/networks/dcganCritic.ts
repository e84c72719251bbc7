import { z } from 'zod';
import { activation } from './layers/activation.js';
import { batchNorm } from './layers/batchNorm.js';
import { conv2d } from './layers/conv2d.js';
import { dense } from './layers/dense.js';
import type { Layer } from './layers/Layer.js';
import { reshape } from './layers/reshape.js';
import { sequentialNetwork } from './layers/sequentialNetwork.js';
import { defineNetwork } from './defineNetwork.js';
import { ConfigError } from '../config/ConfigError.js';

const DcganCriticOptions = z.strictObject({
  /** Channels of the first conv layer; the second has twice as many unless constantFilters. */
  filters: z.number().int().positive().default(64),
  /** Batch norm after the second conv (never the first, as in DCGAN). */
  batchNorm: z.boolean().default(true),
  /** Paper Section 4.4 / Figure 7: every conv layer has `filters` channels. */
  constantFilters: z.boolean().default(false),
  outputActivation: z.enum(['none', 'tanh', 'sigmoid']).default('none'),
  init: z.enum(['pytorch', 'dcgan']).default('dcgan'),
});

const KERNEL = 4;
const LEAKY_SLOPE = 0.2;

/**
 * DCGAN critic (discriminator) for 28x28x1 images:
 * x -> conv to 14x14xC -> LeakyReLU -> conv to 7x7x2C -> [BN] LeakyReLU -> flatten -> dense.
 * The output may have any shape (a score [1], or a code for an autoencoder's encoder).
 */
export const dcganCritic = defineNetwork<z.output<typeof DcganCriticOptions>>({
  kind: 'network',
  id: 'dcgan-critic',
  description: 'DCGAN critic for 28x28x1 images: two stride-2 convolutions with LeakyReLU, then dense.',
  optionsSchema: DcganCriticOptions,
  // An autoencoder critic's decoder from its code back to the image, unless the config names one.
  decoder: { name: 'dcgan-generator', options: {} },
  estimateSize(options, shapes) {
    const c1 = options.filters;
    const c2 = options.constantFilters ? c1 : 2 * c1;
    const out = shapes.outputShape.reduce((a, b) => a * b, 1);
    // Batch norm (scale, shift, two running statistics per channel) replaces the second conv's bias.
    const secondBias = options.batchNorm ? 4 * c2 : c2;
    return {
      weights: KERNEL * KERNEL * c1 + c1 + KERNEL * KERNEL * c1 * c2 + secondBias + 49 * c2 * out + out,
      // Each layer's output, batch norm's and the activation's: 14x14xC1, 7x7xC2, the output.
      activationsPerSample: 2 * 196 * c1 + (options.batchNorm ? 3 : 2) * 49 * c2 + 2 * out,
    };
  },
  create(options, shapes) {
    const { inputShape, outputShape, rng, name } = shapes;
    if (inputShape.length !== 3 || inputShape[0] !== 28 || inputShape[1] !== 28 || inputShape[2] !== 1) {
      throw new ConfigError(
        `critic.network: dcgan-critic reads [28, 28, 1] images, but the input shape is [${inputShape.join(', ')}] (output [${outputShape.join(', ')}]).`,
      );
    }
    const { filters, init } = options;
    const c1 = filters;
    const c2 = options.constantFilters ? filters : 2 * filters;
    const bn = options.batchNorm;
    const outSize = outputShape.reduce((a, b) => a * b, 1);
    let index = 0;
    const layerName = (): string => `${name}/layer${index++}`;

    const layers: Layer[] = [
      conv2d({
        name: layerName(),
        inChannels: 1,
        outChannels: c1,
        kernelSize: KERNEL,
        strides: 2,
        bias: true,
        init,
        rng,
      }), // [batch, 14, 14, C]
      activation('leakyRelu', LEAKY_SLOPE),
      conv2d({
        name: layerName(),
        inChannels: c1,
        outChannels: c2,
        kernelSize: KERNEL,
        strides: 2,
        bias: !bn,
        init,
        rng,
      }), // [batch, 7, 7, C2]
    ];
    // Batch norm and its LeakyReLU as one layer (one fused kernel where the backend has it).
    layers.push(
      bn
        ? batchNorm({ name: layerName(), channels: c2, init, rng, activation: 'leakyRelu', leakySlope: LEAKY_SLOPE })
        : activation('leakyRelu', LEAKY_SLOPE),
    );
    layers.push(reshape([7 * 7 * c2])); // [batch, 49*C2]
    layers.push(dense({ name: layerName(), inUnits: 7 * 7 * c2, outUnits: outSize, bias: true, init, rng })); // [batch, out]
    layers.push(activation(options.outputActivation));
    layers.push(reshape(outputShape)); // [batch, ...outputShape]
    return sequentialNetwork({ inputShape, outputShape, layers });
  },
});
