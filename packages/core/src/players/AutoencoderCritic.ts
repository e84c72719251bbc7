import type { Critic, CriticOutput } from '../contracts/Critic.js';
import type { Network } from '../contracts/Network.js';
import type { WeightLayer } from '../contracts/WeightLayer.js';
import { tf } from '../tensorflow.js';

/**
 * EBGAN's energy: the mean squared reconstruction error of an autoencoder,
 * D(x) = mean_i (Dec(Enc(x))_i - x_i)^2, which is >= 0 by construction.
 */
export class AutoencoderCritic implements Critic {
  readonly form = 'autoencoder';
  readonly networks: readonly Network[];
  readonly layers: readonly WeightLayer[];
  readonly samplewise: boolean;

  constructor(
    readonly encoder: Network,
    readonly decoder: Network,
  ) {
    this.networks = [encoder, decoder];
    this.layers = [...(encoder.layers ?? []), ...(decoder.layers ?? [])];
    this.samplewise = encoder.samplewise === true && decoder.samplewise === true;
  }

  get trainableVariables(): readonly tf.Variable[] {
    return [...this.encoder.trainableVariables, ...this.decoder.trainableVariables];
  }

  evaluate(x: tf.Tensor, training: boolean): CriticOutput {
    const [batch = -1] = x.shape;
    const code = tf.reshape<tf.Rank.R2>(this.encoder.apply(x, training), [batch, -1]); // [batch, codeSize]
    const reconstruction = this.decoder.apply(code, training); // [batch, ...dataShape]
    const error = tf.reshape(tf.squaredDifference(reconstruction, x), [batch, -1]);
    return { score: tf.mean<tf.Tensor1D>(error, 1), code }; // [batch]
  }
}
