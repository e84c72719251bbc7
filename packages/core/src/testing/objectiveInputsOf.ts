import type { CriticOutput } from '../contracts/Critic.js';
import type { ObjectiveInputs } from '../contracts/Objective.js';
import type { tf } from '../tensorflow.js';
import { testPluginContext } from './testPluginContext.js';

/**
 * A critic step's inputs outside a run, for hand-derived objective specs: the critic's
 * outputs on `real` and `fake`, the critic itself (for input gradients) and the test context
 * of `key` (e.g. 'objective:mmd-gan').
 */
export function objectiveInputsOf(
  key: string,
  critic: (x: tf.Tensor) => CriticOutput,
  real: tf.Tensor,
  fake: tf.Tensor,
): ObjectiveInputs {
  return {
    real,
    fake,
    criticReal: critic(real),
    criticFake: critic(fake),
    critic,
    context: testPluginContext(key),
  };
}
