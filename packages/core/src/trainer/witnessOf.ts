import type { Objective, ObjectiveInputs } from '../contracts/Objective.js';
import { scoreOf } from '../contracts/scoreOf.js';
import type { tf } from '../tensorflow.js';

/**
 * The function of x an objective's estimate is the mean difference of (real minus fake): its
 * `witness` on these inputs when it declares one (a features objective), else the critic's
 * score. K (lipschitzEstimate) is measured on it, and a constraint's penalty receives it as
 * `score`, so a gradient penalty constrains what the estimate is built from. Null when there is
 * none: no critic, or a features critic whose objective declares no witness.
 */
export function witnessOf(objective: Objective, inputs: ObjectiveInputs): ((x: tf.Tensor) => tf.Tensor1D) | null {
  const witness = objective.witness?.bind(objective);
  if (witness) return (x) => witness(inputs, x);
  const critic = inputs.critic;
  if (!critic || objective.requires.critic?.output === 'features') return null;
  return (x) => scoreOf(critic(x), objective.id);
}
