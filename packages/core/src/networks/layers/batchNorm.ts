import { fusedKernelNames, hasFusedKernel } from '../../backend/fusedKernels.js';
import type { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import type { InitScheme } from '../InitScheme.js';
import { initializers } from '../initializers.js';
import { batchNormActivationGradConfig } from './batchNormActivationGrad.js';
import type { Layer } from './Layer.js';
import { portableActivation } from './portableActivation.js';
import { portableWeights } from './portableWeights.js';

interface BatchNormSpec {
  /** Variable name prefix, e.g. "critic/layer2". */
  readonly name: string;
  /** Size of the last axis, normalised per entry (features of [b, f], channels of [b, h, w, c]). */
  readonly channels: number;
  readonly init: InitScheme;
  readonly rng: Rng;
  /** Weight of the new batch statistic in the running average (PyTorch convention). */
  readonly momentum?: number;
  readonly epsilon?: number;
  /** An activation applied to the normalised values (default none), fused with them where the backend can. */
  readonly activation?: 'relu' | 'leakyRelu';
  /** Negative-side slope of 'leakyRelu' (default 0.2). */
  readonly leakySlope?: number;
}

/** The fused kernel's gradient, registered once when a batch norm first uses the kernel. */
function ensureFusedGradient(): void {
  if ((tf.getGradient(fusedKernelNames.batchNormActivation) as tf.GradConfig | undefined) === undefined) {
    tf.registerGradient(batchNormActivationGradConfig);
  }
}

/**
 * Batch normalisation over every axis but the last, as PyTorch's BatchNorm1d/2d.
 * training: normalise with the batch's (biased) mean and variance and update the running
 * statistics, running = (1 - momentum) running + momentum batch, with the unbiased variance
 * as PyTorch does; otherwise normalise with the running statistics. Then the activation, if any.
 * In training, where the backend has the fused kernel (@ipmgan/native on wasm), statistics,
 * normalisation and activation are one kernel call and the backward pass another, except
 * where a second derivative may be taken.
 */
export function batchNorm(spec: BatchNormSpec): Layer {
  const { name, channels, init, rng } = spec;
  const momentum = spec.momentum ?? 0.1;
  const epsilon = spec.epsilon ?? 1e-5;
  // LeakyReLU with slope 1 is the identity, with slope 0 ReLU: one kernel covers all three.
  const slope = spec.activation === 'relu' ? 0 : spec.activation === 'leakyRelu' ? (spec.leakySlope ?? 0.2) : 1;
  const activate = (x: tf.Tensor): tf.Tensor => (slope === 1 ? x : slope === 0 ? tf.relu(x) : tf.leakyRelu(x, slope));
  const gamma = initializers.variable(initializers.gamma(init, [channels], rng), true, `${name}/gamma`); // [c]
  const beta = initializers.variable(initializers.beta([channels]), true, `${name}/beta`); // [c]
  const runningMean = initializers.variable(initializers.constant([channels], 0), false, `${name}/runningMean`); // [c]
  const runningVar = initializers.variable(initializers.constant([channels], 1), false, `${name}/runningVar`); // [c]

  const normalise = (x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor): tf.Tensor =>
    tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon))), gamma), beta);

  return {
    trainableVariables: [gamma, beta],
    stateVariables: [runningMean, runningVar],
    batchDependent: true,
    portable: () => [
      {
        kind: 'batchNorm',
        gamma: portableWeights(gamma),
        beta: portableWeights(beta),
        movingMean: portableWeights(runningMean),
        movingVariance: portableWeights(runningVar),
        epsilon,
      },
      ...portableActivation(spec),
    ],
    apply(x, training) {
      if (x.shape[x.rank - 1] !== channels) {
        throw new Error(`${name}: batch norm over ${channels} channels got [${x.shape.join(', ')}].`);
      }
      if (!training) return activate(normalise(x, runningMean, runningVar));

      const count = x.size / channels;
      if (count < 2) {
        throw new Error(`${name}: batch norm in training mode needs more than one value per channel.`);
      }
      const axes = x.shape.slice(0, -1).map((_, i) => i);
      // Not under nested tapes (a gradient penalty's input gradient): the fused backward pass is a
      // kernel without a gradient, so a second derivative must go through the composite.
      const nested = tf.engine().state.gradientDepth > 1;
      const fused = x.dtype === 'float32' && !nested && hasFusedKernel(fusedKernelNames.batchNormActivation);
      if (fused) ensureFusedGradient();
      // [..., c] (only from the fused kernel), [c], [c] (biased variance).
      let y: tf.Tensor | undefined;
      let mean: tf.Tensor | undefined;
      let variance: tf.Tensor | undefined;
      if (fused) {
        [y, mean, variance] = tf
          .engine()
          .runKernel<tf.Tensor[]>(fusedKernelNames.batchNormActivation, { x, gamma, beta }, { epsilon, slope });
      } else {
        ({ mean, variance } = tf.moments(x, axes));
      }
      if (mean === undefined || variance === undefined) throw new Error(`${name}: batch statistics missing.`);
      // The update runs inside whatever tape or tidy is active (e.g. optimizer.minimize):
      // assign() takes its own reference to the new data, so the tidy may free the tensors,
      // and the new values lead to no loss, so backprop never visits them.
      tf.tidy(() => {
        runningMean.assign(tf.add(tf.mul(runningMean, 1 - momentum), tf.mul(mean, momentum)));
        const unbiased = tf.mul(variance, count / (count - 1));
        runningVar.assign(tf.add(tf.mul(runningVar, 1 - momentum), tf.mul(unbiased, momentum)));
      });
      return y ?? activate(normalise(x, mean, variance));
    },
  };
}
