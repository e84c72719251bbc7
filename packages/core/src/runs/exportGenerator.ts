import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tfl from '@tensorflow/tfjs-layers';
import { ConfigError } from '../config/ConfigError.js';
import type { Generator } from '../contracts/Generator.js';
import type { PortableLayer, PortableWeights } from '../contracts/PortableLayer.js';
import { tf } from '../tensorflow.js';

/** What model.json's userDefinedMetadata.ipmgan says about the exported generator. */
export interface ExportedGeneratorMetadata {
  /** Draw z from this prior: gaussian N(0, I) or uniform on [-1, 1]^dimension. */
  readonly noise: { readonly distribution: 'gaussian' | 'uniform'; readonly dimension: number };
  readonly dataShape: readonly number[];
  readonly [key: string]: unknown;
}

const tensor = (w: PortableWeights): tf.Tensor => tf.tensor(w.values, [...w.shape], 'float32');

/** The tfjs-layers layer of one portable layer and the weights to set once it is built. */
function kerasLayer(
  layer: PortableLayer,
  name: string,
  inputShape: readonly number[],
): { layer: tfl.layers.Layer; weights: PortableWeights[] } | null {
  switch (layer.kind) {
    case 'dense':
      return {
        layer: tfl.layers.dense({ name, units: layer.kernel.shape[1] ?? 0, useBias: layer.bias !== null }),
        weights: layer.bias ? [layer.kernel, layer.bias] : [layer.kernel],
      };
    case 'conv2d':
    case 'conv2dTranspose': {
      // conv2d kernels are [k, k, in, out], conv2dTranspose kernels [k, k, out, in]: Keras's layouts too.
      const [k = 0, , a = 0, b = 0] = layer.kernel.shape;
      const options = {
        name,
        filters: layer.kind === 'conv2d' ? b : a,
        kernelSize: k,
        strides: layer.strides,
        padding: 'same' as const,
        useBias: layer.bias !== null,
      };
      return {
        layer: layer.kind === 'conv2d' ? tfl.layers.conv2d(options) : tfl.layers.conv2dTranspose(options),
        weights: layer.bias ? [layer.kernel, layer.bias] : [layer.kernel],
      };
    }
    case 'batchNorm':
      return {
        layer: tfl.layers.batchNormalization({ name, axis: -1, epsilon: layer.epsilon }),
        weights: [layer.gamma, layer.beta, layer.movingMean, layer.movingVariance],
      };
    case 'activation':
      if (layer.activation === 'none') return null;
      return {
        layer:
          layer.activation === 'leakyRelu'
            ? tfl.layers.leakyReLU({ name, alpha: layer.leakySlope })
            : tfl.layers.activation({ name, activation: layer.activation }),
        weights: [],
      };
    case 'reshape': {
      // The -1 resolved here: tfjs-layers leaves it unknown, and the next layer then has no input size.
      const size = inputShape.reduce((a, b) => a * b, 1);
      const known = layer.shape.reduce((a, b) => (b === -1 ? a : a * b), 1);
      const target = layer.shape.map((d) => (d === -1 ? size / known : d));
      if (target.length === inputShape.length && target.every((d, i) => d === inputShape[i])) return null;
      return { layer: tfl.layers.reshape({ name, targetShape: target }), weights: [] };
    }
  }
}

/**
 * Writes `generator`'s network as a TensorFlow.js LayersModel folder, model.json and
 * weights.bin, that plain @tensorflow/tfjs loads with tf.loadLayersModel and runs on noise z
 * [n, dimension] to samples [n, ...dataShape] (inference mode: batch norm uses its running
 * statistics). `metadata` goes into model.json's userDefinedMetadata.ipmgan. `out` is created.
 */
export async function exportGenerator(
  generator: Generator,
  out: string,
  metadata: ExportedGeneratorMetadata,
): Promise<void> {
  const { network } = generator;
  if (!network.portableLayers)
    throw new ConfigError("generator.network: this network does not describe its layers (portableLayers), so it can't be exported");
  const portable = network.portableLayers();
  const model = tfl.sequential({ name: 'ipmgan_generator' });
  try {
    model.add(tfl.layers.inputLayer({ name: 'noise', inputShape: [...network.inputShape] }));
    const weighted: { layer: tfl.layers.Layer; weights: PortableWeights[] }[] = [];
    portable.forEach((p, i) => {
      const current = (model.outputShape as (number | null)[]).slice(1).map((d) => d ?? 0); // per sample
      const built = kerasLayer(p, `${p.kind}_${String(i)}`, current);
      if (!built) return;
      model.add(built.layer);
      if (built.weights.length > 0) weighted.push(built);
    });
    for (const { layer, weights } of weighted) {
      const values = weights.map(tensor);
      layer.setWeights(values);
      tf.dispose(values);
    }
    await model.save(
      tf.io.withSaveHandler((artifacts) => {
        if (!artifacts.weightSpecs || !(artifacts.weightData instanceof ArrayBuffer))
          throw new Error('exportGenerator: tfjs gave no weights to save');
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'weights.bin'), new Uint8Array(artifacts.weightData));
        const modelJson = {
          format: 'layers-model',
          generatedBy: artifacts.generatedBy,
          convertedBy: null,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
          userDefinedMetadata: { ipmgan: metadata },
        };
        writeFileSync(join(out, 'model.json'), `${JSON.stringify(modelJson)}\n`);
        return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
      }),
    );
  } finally {
    model.dispose();
  }
}
