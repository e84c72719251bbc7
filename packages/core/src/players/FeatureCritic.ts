import type { CriticOutput } from '../contracts/Critic.js';
import { tf } from '../tensorflow.js';
import { SingleNetworkCritic } from './SingleNetworkCritic.js';

/**
 * A vector of n learned features per sample straight from a network whose last layer has n
 * outputs: MMD-GAN's h(x), Cramér GAN's h(x). No decoder; the objective gives the features
 * their meaning (a kernel, an energy distance).
 */
export class FeatureCritic extends SingleNetworkCritic {
  readonly form = 'features';

  evaluate(x: tf.Tensor, training: boolean): CriticOutput {
    const [batch = -1] = x.shape;
    return { features: tf.reshape(this.network.apply(x, training), [batch, -1]) }; // [batch, n]
  }
}
