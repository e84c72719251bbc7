import type { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import type { InitScheme } from './InitScheme.js';

/** Standard deviation of the DCGAN reference initialisation. */
const DCGAN_STD = 0.02;

// tfjs treats a seed of 0 as "no seed" and falls back to Math.random, so never pass 0.
function tfSeed(rng: Rng): number {
  for (;;) {
    const seed = rng.seed();
    if (seed !== 0) return seed;
  }
}

/** Initial values for network weights; every draw is seeded from the given Rng. */
export const initializers = {
  /** U(-bound, bound). */
  uniform(shape: readonly number[], bound: number, rng: Rng): tf.Tensor {
    return tf.randomUniform([...shape], -bound, bound, 'float32', tfSeed(rng));
  },

  /** N(mean, std^2). */
  normal(shape: readonly number[], mean: number, std: number, rng: Rng): tf.Tensor {
    return tf.randomNormal([...shape], mean, std, 'float32', tfSeed(rng));
  },

  constant(shape: readonly number[], value: number): tf.Tensor {
    return tf.fill([...shape], value, 'float32');
  },

  /**
   * Bound of PyTorch's default Linear/Conv init: kaiming_uniform(a = sqrt(5)) has
   * gain sqrt(2 / (1 + 5)) = sqrt(1/3) and bound sqrt(3) * gain / sqrt(fanIn) = 1/sqrt(fanIn).
   */
  pytorchBound(fanIn: number): number {
    return 1 / Math.sqrt(fanIn);
  },

  /** A dense or conv kernel. */
  weight(scheme: InitScheme, shape: readonly number[], fanIn: number, rng: Rng): tf.Tensor {
    return scheme === 'pytorch'
      ? initializers.uniform(shape, initializers.pytorchBound(fanIn), rng)
      : initializers.normal(shape, 0, DCGAN_STD, rng);
  },

  /** A dense or conv bias (PyTorch draws it with the kernel's fan-in bound). */
  bias(scheme: InitScheme, shape: readonly number[], fanIn: number, rng: Rng): tf.Tensor {
    return scheme === 'pytorch'
      ? initializers.uniform(shape, initializers.pytorchBound(fanIn), rng)
      : initializers.constant(shape, 0);
  },

  /** Batch-norm scale. */
  gamma(scheme: InitScheme, shape: readonly number[], rng: Rng): tf.Tensor {
    return scheme === 'pytorch' ? initializers.constant(shape, 1) : initializers.normal(shape, 1, DCGAN_STD, rng);
  },

  /** Batch-norm shift. */
  beta(shape: readonly number[]): tf.Tensor {
    return initializers.constant(shape, 0);
  },

  /** Wraps an initial value in a variable and frees the value (the variable copies nothing, it takes a reference). */
  variable(value: tf.Tensor, trainable: boolean, name: string): tf.Variable {
    const v = tf.variable(value, trainable, name);
    value.dispose();
    return v;
  },
};
