import type { tf } from '../tensorflow.js';
import type { CriticOutput } from './Critic.js';

/**
 * The critic's score [batch] for an objective whose requirement guarantees one (output 'score'
 * or 'autoencoder'); throws an Error naming the objective when the output has none (a test that
 * hands the objective the wrong critic, or an objective that declared the wrong requirement).
 */
export function scoreOf(output: CriticOutput | undefined, objectiveId: string): tf.Tensor1D {
  if (!output) throw new Error(`${objectiveId} needs the critic's output, but the objective's inputs have none`);
  if (!output.score)
    throw new Error(
      `${objectiveId} needs the critic's score, but the critic gives none (does requires.critic say 'score'?)`,
    );
  return output.score;
}
