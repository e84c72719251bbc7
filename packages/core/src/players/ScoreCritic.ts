import type { CriticOutput } from '../contracts/Critic.js';
import { tf } from '../tensorflow.js';
import { SingleNetworkCritic } from './SingleNetworkCritic.js';

/** One number per sample straight from a network: a WGAN critic f(x) or a GAN logit. */
export class ScoreCritic extends SingleNetworkCritic {
  readonly form = 'score';

  evaluate(x: tf.Tensor, training: boolean): CriticOutput {
    const out = this.network.apply(x, training); // [batch, 1]
    return { score: tf.reshape(out, [-1]) }; // [batch]
  }
}
