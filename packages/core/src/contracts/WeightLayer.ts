import type { tf } from '../tensorflow.js';

/**
 * Rewrites a layer's kernel inside the forward pass: the layer computes with the returned
 * tensor instead of its variable (spectral normalisation returns W / sigma(W)).
 * `training` is the forward pass's mode: update persistent state only when it is true. A
 * critic step makes one forward pass over [real; fake] when the critic is samplewise and two
 * otherwise, so state advanced per pass would depend on that: advance it once per step in
 * the constraint's afterCriticStep, as spectral-norm does.
 */
export type KernelTransform = (kernel: tf.Tensor, training: boolean) => tf.Tensor;

/**
 * A layer with a weight kernel, as constraints see it. Shapes: dense [in, out];
 * conv2d [k, k, in, out]; conv2dTranspose [k, k, out, in]; bias [out].
 * Position in `Critic.layers` is the stable key for per-layer plugin state (variable names
 * carry a per-process run tag).
 */
export interface WeightLayer {
  readonly kind: 'dense' | 'conv2d' | 'conv2dTranspose';
  /** The variable name prefix, e.g. "critic_1/layer0" (informational). */
  readonly name: string;
  readonly kernel: tf.Variable;
  readonly bias: tf.Variable | null;
  /** The transform the forward pass applies to `kernel`, or null. */
  readonly transform: KernelTransform | null;
  /** Installs a transform (one per layer; null removes it). */
  reparametrise(transform: KernelTransform | null): void;
}
