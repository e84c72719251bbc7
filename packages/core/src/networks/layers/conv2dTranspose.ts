import type { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import type { InitScheme } from '../InitScheme.js';
import { initializers } from '../initializers.js';
import type { Layer } from './Layer.js';
import { effectiveKernel } from './effectiveKernel.js';
import { portableWeights } from './portableWeights.js';
import { weightLayer } from './weightLayer.js';

interface Conv2dTransposeSpec {
  /** Variable name prefix, e.g. "generator/layer1". */
  readonly name: string;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: number;
  readonly strides: number;
  /** Off when a batch norm follows, which would cancel the bias anyway. */
  readonly bias: boolean;
  readonly init: InitScheme;
  readonly rng: Rng;
}

/**
 * NHWC transposed convolution with 'same' padding: [b, h, w, in] -> [b, h*s, w*s, out].
 * For kernel 4, stride 2 this equals PyTorch's ConvTranspose2d(padding=1).
 */
export function conv2dTranspose(spec: Conv2dTransposeSpec): Layer {
  const { name, inChannels, outChannels, kernelSize: k, strides, init, rng } = spec;
  // PyTorch stores ConvTranspose2d weights as [in, out, k, k] and takes fan-in from axis 1,
  // so its default bound is 1/sqrt(out * k * k); we match it for comparable runs.
  const fanIn = outChannels * k * k;
  const kernel = initializers.variable(
    initializers.weight(init, [k, k, outChannels, inChannels], fanIn, rng),
    true,
    `${name}/kernel`,
  ); // [k, k, out, in]: tfjs's layout for conv2dTranspose
  const bias = spec.bias
    ? initializers.variable(initializers.bias(init, [outChannels], fanIn, rng), true, `${name}/bias`) // [out]
    : undefined;
  const layer = weightLayer('conv2dTranspose', name, kernel, bias);
  return {
    trainableVariables: bias === undefined ? [kernel] : [kernel, bias],
    stateVariables: [],
    weightLayer: layer,
    portable: () => [
      {
        kind: 'conv2dTranspose',
        kernel: effectiveKernel(kernel, layer.transform),
        bias: bias === undefined ? null : portableWeights(bias),
        strides,
      },
    ],
    apply(x, training) {
      const w = layer.transform ? layer.transform(kernel, training) : kernel; // a constraint's reparametrisation
      if (x.rank !== 4) throw new Error(`conv2dTranspose expects [batch, h, w, c], got [${x.shape.join(', ')}].`);
      const [batch, height, width] = x.shape as [number, number, number, number];
      const outShape: [number, number, number, number] = [batch, height * strides, width * strides, outChannels];
      const y = tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, outShape, strides, 'same'); // [b, h*s, w*s, out]
      return bias === undefined ? y : tf.add(y, bias);
    },
  };
}
