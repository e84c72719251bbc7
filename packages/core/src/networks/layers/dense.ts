import { fusedKernelNames, hasFusedKernel } from '../../backend/fusedKernels.js';
import type { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import type { InitScheme } from '../InitScheme.js';
import { initializers } from '../initializers.js';
import { denseActivationGradConfig } from './denseActivationGrad.js';
import type { Layer } from './Layer.js';
import { portableActivation } from './portableActivation.js';
import { effectiveKernel } from './effectiveKernel.js';
import { portableWeights } from './portableWeights.js';
import { weightLayer } from './weightLayer.js';

interface DenseSpec {
  /** Variable name prefix, e.g. "critic/layer0". */
  readonly name: string;
  readonly inUnits: number;
  readonly outUnits: number;
  /** Off when a batch norm follows, which would cancel the bias anyway. */
  readonly bias: boolean;
  readonly init: InitScheme;
  readonly rng: Rng;
  /** An activation applied to x W + b (default none), fused with it where the backend can. */
  readonly activation?: 'relu' | 'leakyRelu';
  /** Negative-side slope of 'leakyRelu' (default 0.2). */
  readonly leakySlope?: number;
}

/** The fused kernel's gradient, registered once when a dense layer first uses the kernel. */
function ensureFusedGradient(): void {
  if ((tf.getGradient(fusedKernelNames.denseActivation) as tf.GradConfig | undefined) === undefined) {
    tf.registerGradient(denseActivationGradConfig);
  }
}

/**
 * x W + b on [batch, inUnits], with W stored as [inUnits, outUnits], then the activation if any.
 * Where the backend has the fused kernel (@ipmgan/native on wasm), the product, bias and
 * activation are one kernel call, except where a second derivative may be taken.
 */
export function dense(spec: DenseSpec): Layer {
  const { name, inUnits, outUnits, init, rng } = spec;
  // LeakyReLU with slope 1 is the identity, with slope 0 ReLU: one kernel covers all three.
  const slope = spec.activation === 'relu' ? 0 : spec.activation === 'leakyRelu' ? (spec.leakySlope ?? 0.2) : 1;
  const activate = (x: tf.Tensor): tf.Tensor => (slope === 1 ? x : slope === 0 ? tf.relu(x) : tf.leakyRelu(x, slope));
  const kernel = initializers.variable(
    initializers.weight(init, [inUnits, outUnits], inUnits, rng),
    true,
    `${name}/kernel`,
  ); // [in, out]
  const bias = spec.bias
    ? initializers.variable(initializers.bias(init, [outUnits], inUnits, rng), true, `${name}/bias`) // [out]
    : undefined;
  const layer = weightLayer('dense', name, kernel, bias);
  return {
    trainableVariables: bias === undefined ? [kernel] : [kernel, bias],
    stateVariables: [],
    weightLayer: layer,
    portable: () => [
      {
        kind: 'dense',
        kernel: effectiveKernel(kernel, layer.transform),
        bias: bias === undefined ? null : portableWeights(bias),
      },
      ...portableActivation(spec),
    ],
    apply(x, training) {
      const w = layer.transform ? layer.transform(kernel, training) : kernel; // a constraint's reparametrisation
      // Not under nested tapes (a gradient penalty's input gradient): the fused gradient's
      // activation mask has no gradient of its own, so a second derivative goes through the ops.
      const nested = tf.engine().state.gradientDepth > 1;
      if (x.rank === 2 && x.dtype === 'float32' && !nested && hasFusedKernel(fusedKernelNames.denseActivation)) {
        ensureFusedGradient();
        const inputs: tf.NamedTensorMap = bias === undefined ? { x, kernel: w } : { x, kernel: w, bias };
        return tf.engine().runKernel<tf.Tensor>(fusedKernelNames.denseActivation, inputs, { slope });
      }
      // Plain matMul without transpose flags: wasm runs flagged matMuls 10-30x slower.
      const y = tf.matMul(x, w); // [batch, out]
      return activate(bias === undefined ? y : tf.add(y, bias));
    },
  };
}
