import type { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import type { InitScheme } from '../InitScheme.js';
import { initializers } from '../initializers.js';
import type { Layer } from './Layer.js';
import { effectiveKernel } from './effectiveKernel.js';
import { portableWeights } from './portableWeights.js';
import { weightLayer } from './weightLayer.js';

interface Conv2dSpec {
  /** Variable name prefix, e.g. "critic/layer0". */
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
 * NHWC convolution with 'same' padding: [b, h, w, in] -> [b, ceil(h/s), ceil(w/s), out].
 * For kernel 4, stride 2 on even sizes this pads 1 on each side, like PyTorch's padding=1.
 */
export function conv2d(spec: Conv2dSpec): Layer {
  const { name, inChannels, outChannels, kernelSize: k, strides, init, rng } = spec;
  const fanIn = inChannels * k * k;
  const kernel = initializers.variable(
    initializers.weight(init, [k, k, inChannels, outChannels], fanIn, rng),
    true,
    `${name}/kernel`,
  ); // [k, k, in, out]
  const bias = spec.bias
    ? initializers.variable(initializers.bias(init, [outChannels], fanIn, rng), true, `${name}/bias`) // [out]
    : undefined;
  const layer = weightLayer('conv2d', name, kernel, bias);
  return {
    trainableVariables: bias === undefined ? [kernel] : [kernel, bias],
    stateVariables: [],
    weightLayer: layer,
    portable: () => [
      {
        kind: 'conv2d',
        kernel: effectiveKernel(kernel, layer.transform),
        bias: bias === undefined ? null : portableWeights(bias),
        strides,
      },
    ],
    apply(x, training) {
      const w = layer.transform ? layer.transform(kernel, training) : kernel; // a constraint's reparametrisation
      const y = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, strides, 'same'); // [b, h/s, w/s, out]
      return bias === undefined ? y : tf.add(y, bias);
    },
  };
}
