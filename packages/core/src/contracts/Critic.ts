import type { tf } from '../tensorflow.js';
import type { Network } from './Network.js';
import type { WeightLayer } from './WeightLayer.js';

/**
 * What a critic says about a batch. `score` is one number per sample: a WGAN critic's
 * f(x), a GAN discriminator's logit, an EBGAN energy. `code` is the hidden
 * representation of an autoencoder critic (EBGAN's pulling-away term needs it).
 */
export interface CriticOutput {
  readonly score: tf.Tensor1D; // [batch]
  readonly code?: tf.Tensor2D; // [batch, codeSize]
}

/**
 * A learned function over data points. The trainer calls `evaluate` and hands
 * `trainableVariables` to the optimizer; constraints see `layers` (kernel and bias of every
 * dense or convolution layer, in network order) and `trainableVariables` (those plus
 * batch-norm scales). Objectives give the score its meaning. Objectives without a critic (MMD) get none.
 */
export interface Critic {
  readonly form: string;
  readonly networks: readonly Network[];
  readonly trainableVariables: readonly tf.Variable[];
  readonly layers: readonly WeightLayer[];
  /**
   * True when evaluate() scores each sample on its own, in training mode too, with no state
   * changed (no batch norm): the critic step then scores the real and the fake batch in one
   * pass over their concatenation. Absent means false (two passes).
   */
  readonly samplewise?: boolean;
  evaluate(x: tf.Tensor, training: boolean): CriticOutput;
}
