import type { Rng } from '../random/Rng.js';
import type { tf } from '../tensorflow.js';
import type { Network } from './Network.js';
import type { NoisePrior } from './NoisePrior.js';

/** g_theta: a noise prior pushed through a network. */
export interface Generator {
  readonly prior: NoisePrior;
  readonly network: Network;
  /** z ~ p(z): [n, dimension]. */
  noise(n: number, rng: Rng): tf.Tensor2D;
  /** g(z): [n, ...dataShape]. */
  generate(z: tf.Tensor2D, training: boolean): tf.Tensor;
  /** g(z) with fresh z: [n, ...dataShape]. */
  sample(n: number, rng: Rng, training?: boolean): tf.Tensor;
  readonly trainableVariables: readonly tf.Variable[];
}
