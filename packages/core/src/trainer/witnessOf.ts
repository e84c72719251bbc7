import type { Objective, ObjectiveInputs } from '../contracts/Objective.js';
import { scoreOf } from '../contracts/scoreOf.js';
import type { tf } from '../tensorflow.js';

/**
 * The function of x an objective's estimate is the mean difference of (real minus fake): its
 * `witness` on these inputs when it declares one (a features objective), else the critic's
 * score. K (lipschitzEstimate) is measured on it, and a constraint's penalty receives it as
 * `score`, so a gradient penalty constrains what the estimate is built from.
 */
export function witnessOf(objective: Objective, inputs: ObjectiveInputs): (x: tf.Tensor) => tf.Tensor1D {
  const witness = objective.witness?.bind(objective);
  if (witness) return (x) => witness(inputs, x);
  const critic = inputs.critic;
  if (!critic) throw new Error(`objective ${objective.id} trains no critic: it has no witness`);
  return (x) => scoreOf(critic(x), objective.id);
}
