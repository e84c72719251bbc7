import type { Critic, CriticOutput } from '../contracts/Critic.js';
import type { Network } from '../contracts/Network.js';
import type { WeightLayer } from '../contracts/WeightLayer.js';
import { tf } from '../tensorflow.js';

/**
 * A vector of n learned features per sample straight from a network whose last layer has n
 * outputs: MMD-GAN's h(x), Cramér GAN's h(x). No decoder; the objective gives the features
 * their meaning (a kernel, an energy distance).
 */
export class FeatureCritic implements Critic {
  readonly form = 'features';
  readonly networks: readonly Network[];
  readonly layers: readonly WeightLayer[];
  readonly samplewise: boolean;

  constructor(readonly network: Network) {
    this.networks = [network];
    this.layers = network.layers ?? [];
    this.samplewise = network.samplewise === true;
  }

  get trainableVariables(): readonly tf.Variable[] {
    return this.network.trainableVariables;
  }

  evaluate(x: tf.Tensor, training: boolean): CriticOutput {
    const [batch = -1] = x.shape;
    return { features: tf.reshape(this.network.apply(x, training), [batch, -1]) }; // [batch, n]
  }
}
