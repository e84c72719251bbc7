import type { Critic, CriticOutput } from '../contracts/Critic.js';
import type { Network } from '../contracts/Network.js';
import type { WeightLayer } from '../contracts/WeightLayer.js';
import { tf } from '../tensorflow.js';

/** One number per sample straight from a network: a WGAN critic f(x) or a GAN logit. */
export class ScoreCritic implements Critic {
  readonly form = 'score';
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
    const out = this.network.apply(x, training); // [batch, 1]
    return { score: tf.reshape(out, [-1]) }; // [batch]
  }
}
