import type { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import type { InitScheme } from '../InitScheme.js';
import { initializers } from '../initializers.js';
import type { Layer } from './Layer.js';
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
}

/**
 * Batch normalisation over every axis but the last, as PyTorch's BatchNorm1d/2d.
 * training: normalise with the batch's (biased) mean and variance and update the running
 * statistics, running = (1 - momentum) running + momentum batch, with the unbiased variance
 * as PyTorch does; otherwise normalise with the running statistics.
 */
export function batchNorm(spec: BatchNormSpec): Layer {
  const { name, channels, init, rng } = spec;
  const momentum = spec.momentum ?? 0.1;
  const epsilon = spec.epsilon ?? 1e-5;
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
    portable: () => ({
      kind: 'batchNorm',
      gamma: portableWeights(gamma),
      beta: portableWeights(beta),
      movingMean: portableWeights(runningMean),
      movingVariance: portableWeights(runningVar),
      epsilon,
    }),
    apply(x, training) {
      if (x.shape[x.rank - 1] !== channels) {
        throw new Error(`${name}: batch norm over ${channels} channels got [${x.shape.join(', ')}].`);
      }
      if (!training) return normalise(x, runningMean, runningVar);

      const axes = x.shape.slice(0, -1).map((_, i) => i);
      const { mean, variance } = tf.moments(x, axes); // [c], [c] (biased)
      const count = x.size / channels;
      if (count < 2) {
        throw new Error(`${name}: batch norm in training mode needs more than one value per channel.`);
      }
      // The update runs inside whatever tape or tidy is active (e.g. optimizer.minimize):
      // assign() takes its own reference to the new data, so the tidy may free the tensors,
      // and the new values lead to no loss, so backprop never visits them.
      tf.tidy(() => {
        runningMean.assign(tf.add(tf.mul(runningMean, 1 - momentum), tf.mul(mean, momentum)));
        const unbiased = tf.mul(variance, count / (count - 1));
        runningVar.assign(tf.add(tf.mul(runningVar, 1 - momentum), tf.mul(unbiased, momentum)));
      });
      return normalise(x, mean, variance);
    },
  };
}
