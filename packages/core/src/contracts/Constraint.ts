import type { tf } from '../tensorflow.js';
import type { Critic } from './Critic.js';
import type { PluginContext } from './PluginContext.js';
import type { PluginState } from './PluginState.js';
import type { WeightLayer } from './WeightLayer.js';

/** What a penalty sees on one critic step: the batches and the critic's score, on the tape. */
export interface PenaltyInputs {
  readonly real: tf.Tensor; // [batch, ...dataShape]
  readonly fake: tf.Tensor; // [batch, ...dataShape]
  /** f(x) of the critic being trained: [batch]. Differentiable in x and in the critic's weights. */
  readonly score: (x: tf.Tensor) => tf.Tensor1D;
}

/**
 * A Lipschitz constraint on the critic, kept out of the losses (clipping, gradient penalty,
 * spectral normalisation). Any of three mechanisms:
 * - `penalty` adds a term to the critic loss (inside the gradient tape);
 * - `afterCriticStep` projects the weights after each critic optimizer step;
 * - `reparametrise` rewrites a layer's kernel inside every forward pass; the trainer installs
 *   it on each of `critic.layers` once, when the run is built.
 * Random numbers come from `context.rng` only; persistent tensors and JSON go in `state`.
 */
export interface Constraint {
  readonly id: string;
  /**
   * Called once when the run builds its critic, before a checkpoint is restored: the place to
   * create state that depends on the critic's layers (one variable per layer, put in
   * `state.tensors`, which resume then assigns in place).
   */
  attach?(critic: Critic, context: PluginContext): void;
  penalty?(inputs: PenaltyInputs, context: PluginContext): tf.Scalar;
  afterCriticStep?(critic: Critic, context: PluginContext): void;
  /** The effective kernel of `layer` (at position `index` in critic.layers) for this forward pass. */
  reparametrise?(
    args: {
      readonly layer: WeightLayer;
      readonly index: number;
      readonly kernel: tf.Tensor;
      readonly training: boolean;
    },
    context: PluginContext,
  ): tf.Tensor;
  readonly state?: PluginState;
}
