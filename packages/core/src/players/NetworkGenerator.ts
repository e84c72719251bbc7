import type { Generator } from '../contracts/Generator.js';
import type { Network } from '../contracts/Network.js';
import type { NoisePrior } from '../contracts/NoisePrior.js';
import type { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';

/** A generator: noise from the prior, through one network. */
export class NetworkGenerator implements Generator {
  constructor(
    readonly prior: NoisePrior,
    readonly network: Network,
  ) {}

  get trainableVariables(): readonly tf.Variable[] {
    return this.network.trainableVariables;
  }

  noise(n: number, rng: Rng): tf.Tensor2D {
    const shape: [number, number] = [n, this.prior.dimension];
    return this.prior.distribution === 'gaussian'
      ? tf.randomNormal(shape, 0, 1, 'float32', rng.seed())
      : tf.randomUniform(shape, -1, 1, 'float32', rng.seed());
  }

  generate(z: tf.Tensor2D, training: boolean): tf.Tensor {
    return this.network.apply(z, training);
  }

  sample(n: number, rng: Rng, training = false): tf.Tensor {
    return tf.tidy(() => this.generate(this.noise(n, rng), training));
  }
}
