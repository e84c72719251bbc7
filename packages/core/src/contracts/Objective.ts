import type { tf } from '../tensorflow.js';
import type { CriticOutput } from './Critic.js';
import type { EstimateInfo } from './Estimate.js';

/**
 * The tensors one step hands to an objective. `criticReal` and `criticFake` are present
 * exactly when the objective uses a critic.
 */
export interface ObjectiveInputs {
  readonly real: tf.Tensor; // [batch, ...dataShape]
  readonly fake: tf.Tensor; // [batch, ...dataShape]
  readonly criticReal?: CriticOutput;
  readonly criticFake?: CriticOutput;
}

/**
 * An integral-probability-metric objective: pure functions of tensors. It owns no
 * optimizer, variable, file or loop; the trainer calls it inside its own tidy scopes.
 */
export interface Objective {
  readonly id: string;
  /** Whether a critic is trained (false for MMD: the generator minimises a kernel distance). */
  readonly usesCritic: boolean;
  readonly estimateInfo: EstimateInfo;
  /** The loss the critic minimises. */
  criticLoss(inputs: ObjectiveInputs): tf.Scalar;
  /** The loss the generator minimises. */
  generatorLoss(inputs: ObjectiveInputs): tf.Scalar;
  /** The distance the objective implies for this batch (see estimateInfo). */
  estimate(inputs: ObjectiveInputs): tf.Scalar;
}
