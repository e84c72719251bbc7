import type { tf } from '../tensorflow.js';
import type { Network } from './Network.js';
import type { WeightLayer } from './WeightLayer.js';

/**
 * What a critic says about a batch; which fields are present is decided by the objective's
 * `requires.critic` (see ObjectiveRequirements):
 * - `score`, one number per sample: a WGAN critic's f(x), a GAN discriminator's logit, the
 *   autoencoder form's energy (its mean squared reconstruction error);
 * - `features`, a vector of n per sample: the network's last layer, for objectives that compare
 *   distributions through learned features (MMD-GAN's kernel, Cramér GAN's energy distance);
 * - `code`, the autoencoder form's hidden representation (EBGAN's pulling-away term).
 * Read them with `scoreOf` and `featuresOf`, which name the objective when a field is missing.
 */
export interface CriticOutput {
  readonly score?: tf.Tensor1D; // [batch]
  readonly features?: tf.Tensor2D; // [batch, n]
  readonly code?: tf.Tensor2D; // [batch, codeSize]
}

/**
 * A learned function over data points. The trainer calls `evaluate` and hands
 * `trainableVariables` to the optimizer; constraints see `layers` (kernel and bias of every
 * dense or convolution layer, in network order) and `trainableVariables` (those plus
 * batch-norm scales). Objectives give the outputs their meaning. Objectives without a critic (MMD) get none.
 */
export interface Critic {
  /** 'score', 'features' or 'autoencoder': the form the objective's requirement chose. */
  readonly form: string;
  /** The score or features form: [network]. The autoencoder form: [encoder, decoder]. */
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
