import type { Critic, CriticOutput } from '../contracts/Critic.js';
import type { Network } from '../contracts/Network.js';
import type { WeightLayer } from '../contracts/WeightLayer.js';
import type { tf } from '../tensorflow.js';

/**
 * A critic that is one network read straight off its output (ScoreCritic, FeatureCritic):
 * its variables, weight layers and samplewise flag are the network's; the subclass says what
 * the output is.
 */
export abstract class SingleNetworkCritic implements Critic {
  abstract readonly form: Critic['form'];
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

  abstract evaluate(x: tf.Tensor, training: boolean): CriticOutput;
}
