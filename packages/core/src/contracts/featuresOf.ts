import type { tf } from '../tensorflow.js';
import type { CriticOutput } from './Critic.js';

/**
 * The critic's features [batch, n] for an objective whose requirement is output 'features';
 * throws an Error naming the objective when the output has none.
 */
export function featuresOf(output: CriticOutput | undefined, objectiveId: string): tf.Tensor2D {
  if (!output) throw new Error(`${objectiveId} needs the critic's output, but the objective's inputs have none`);
  if (!output.features)
    throw new Error(
      `${objectiveId} needs the critic's features, but the critic gives none (does requires.critic say 'features'?)`,
    );
  return output.features;
}
