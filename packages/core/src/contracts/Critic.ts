import type { tf } from '../tensorflow.js';
import type { Network } from './Network.js';

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
 * A learned function over data points. The trainer only calls `evaluate` and hands
 * `trainableVariables` to the optimizer and to the Lipschitz constraints; objectives
 * give the score its meaning. Objectives without a critic (MMD) get none.
 */
export interface Critic {
  readonly form: string;
  readonly networks: readonly Network[];
  readonly trainableVariables: readonly tf.Variable[];
  evaluate(x: tf.Tensor, training: boolean): CriticOutput;
}
