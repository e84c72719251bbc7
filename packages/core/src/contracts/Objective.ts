import type { tf } from '../tensorflow.js';
import type { CriticOutput } from './Critic.js';
import type { EstimateInfo } from './Estimate.js';
import type { ObjectiveRequirements } from './ObjectiveRequirements.js';
import type { PluginContext } from './PluginContext.js';
import type { PluginState } from './PluginState.js';

/**
 * The tensors one step hands to an objective, built by core's `objectiveInputs`.
 * `criticReal`, `criticFake` and `critic` are present exactly when the objective uses a
 * critic; `context` is the objective's own (key "objective:<id>").
 */
export interface ObjectiveInputs {
  readonly real: tf.Tensor; // [batch, ...dataShape]
  readonly fake: tf.Tensor; // [batch, ...dataShape]
  readonly criticReal?: CriticOutput;
  readonly criticFake?: CriticOutput;
  /**
   * The critic being trained as a function of x, for points the objective builds itself
   * (interpolates, a mixture of real and fake): in the critic and generator steps it runs in
   * training mode on the tape, differentiable in x (see inputGradient) and in the critic's
   * weights; in measurements (estimate, witness for K) in inference mode.
   */
  readonly critic?: (x: tf.Tensor) => CriticOutput;
  readonly context: PluginContext;
}

/**
 * Variables an objective owns beside the critic, with an update rule of its own (Fisher
 * GAN's Lagrange multiplier). The critic loss may read them; the critic step takes the
 * gradient of the critic loss with respect to them on the same tape as the critic's, applies
 * the critic's optimizer to the critic only, then calls `update` with these gradients.
 * Create them trainable (`tf.variable(value, true)`: the tape only differentiates trainable
 * variables). Checkpoints save them; the run disposes them.
 */
export interface ObjectiveAuxiliary {
  readonly variables: Readonly<Record<string, tf.Variable>>;
  /** gradients[name] = d(critic loss)/d(variables[name]) at this critic step. */
  update(gradients: Readonly<Record<string, tf.Tensor>>, context: PluginContext): void;
}

/**
 * An integral-probability-metric objective: pure functions of tensors. It owns no
 * optimizer, file or loop; the trainer calls it inside its own tidy scopes. Auxiliary
 * variables (with their own update rule) and checkpointed state are declared, never hidden.
 */
export interface Objective {
  readonly id: string;
  /** Whether a critic is trained (false for MMD: the generator minimises a kernel distance). */
  readonly usesCritic: boolean;
  /** The critic it needs and the constraints it refuses, checked before a run is built. */
  readonly requires: ObjectiveRequirements;
  readonly estimateInfo: EstimateInfo;
  /** The loss the critic minimises. */
  criticLoss(inputs: ObjectiveInputs): tf.Scalar;
  /** The loss the generator minimises. */
  generatorLoss(inputs: ObjectiveInputs): tf.Scalar;
  /** The distance the objective implies for this batch (see estimateInfo). */
  estimate(inputs: ObjectiveInputs): tf.Scalar;
  /**
   * For K (the critic's empirical Lipschitz constant, and the `score` a penalty such as the
   * gradient penalty constrains): the function of x whose mean difference, real minus fake,
   * the estimate is, one value per row of x [n]. Defaults to the critic's score; a features
   * objective declares its own (MMD-GAN's witness, Cramér GAN's critic). Must treat rows of x
   * independently (inputs' batches are fixed references) and be differentiable in x.
   */
  witness?(inputs: ObjectiveInputs, x: tf.Tensor): tf.Tensor1D;
  readonly auxiliary?: ObjectiveAuxiliary;
  readonly state?: PluginState;
}
