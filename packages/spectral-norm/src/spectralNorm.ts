import { tf, type ConstraintExtension, type Critic, type Rng } from '@ipmgan/core';
import { z } from 'zod';
import { powerIteration } from './powerIteration.js';

const SpectralNormOptions = z.strictObject({
  /** Power-iteration steps per critic update: 1 in the paper (Appendix A, Algorithm 1: one is enough). */
  powerIterations: z.number().int().positive().default(1),
});

/** u_0 ~ N(0, I) / ||.||: the paper's random initial vector (Algorithm 1), from the constraint's stream. */
function initialVector(size: number, rng: Rng): Float32Array {
  const u = Float32Array.from({ length: size }, () => rng.normal());
  const norm = Math.hypot(...u);
  return u.map((x) => x / norm);
}

/** A kernel as the matrix [everything but its last axis, last axis]: dense [in, out]; conv [k k in, out]. */
function asMatrix(kernel: tf.Tensor): tf.Tensor2D {
  const last = kernel.shape[kernel.shape.length - 1] ?? 1;
  return tf.reshape(kernel, [-1, last]);
}

/**
 * Spectral normalisation (Miyato et al. 2018) as a critic constraint that reparametrises
 * every layer's kernel inside the forward pass: the layer computes with K / sigma(K), sigma
 * estimated by power iteration from a persistent vector u per layer. As in the paper's
 * Algorithm 1, u advances `powerIterations` steps once per critic update (here right after
 * it, on the new kernel, and once on the initial kernel), not once per forward pass: every
 * forward pass of a step then sees the same normalised critic, so the real and the fake batch
 * are scored by one function (PyTorch's per-forward update scores them by two). Gradients
 * flow through sigma with u and v held constant (the paper's Sec. 2.2). A convolution's
 * [k, k, in, out] kernel is normalised as the [k k in, out] matrix, as in the paper. The u
 * vectors are plugin state, made when the run builds the critic: checkpoints save them and
 * resume restores them, so a resumed run is exact. sigma is estimated for the layer's own
 * kernel: list spectral-norm first if another constraint also reparametrises kernels.
 */
export const spectralNorm: ConstraintExtension<z.output<typeof SpectralNormOptions>> = {
  kind: 'constraint',
  id: 'spectral-norm',
  aliases: ['sn'],
  description:
    "Divide every critic layer's kernel by its largest singular value, estimated by power iteration with a persistent vector (spectral normalisation).",
  optionsSchema: SpectralNormOptions,
  create: ({ powerIterations }) => {
    const vectors: tf.Variable<tf.Rank.R1>[] = []; // by layer position: u [out]
    const tensors: Record<string, tf.Variable> = {};
    const advance = (critic: Critic): void => {
      tf.tidy(() => {
        critic.layers.forEach((layer, index) => {
          const u = vectors[index];
          if (!u) return;
          const matrix = asMatrix(layer.kernel); // [in, out]
          let next: tf.Tensor1D = u;
          for (let i = 0; i < powerIterations; i++) next = powerIteration(matrix, next).u;
          u.assign(next);
        });
      });
    };
    return {
      id: 'spectral-norm',
      attach(critic, { rng }) {
        if (vectors.length > 0) throw new Error('spectral-norm: attached to a second critic');
        critic.layers.forEach((layer, index) => {
          const outUnits = layer.kernel.shape[layer.kernel.shape.length - 1] ?? 1;
          const u = tf.variable(tf.tensor1d(initialVector(outUnits, rng)), false);
          vectors.push(u);
          tensors[`layer${String(index)}/u`] = u;
        });
        advance(critic); // Algorithm 1 iterates before the first update too
      },
      afterCriticStep(critic) {
        advance(critic);
      },
      reparametrise({ index, kernel }) {
        const u = vectors[index];
        if (!u) throw new Error(`spectral-norm: no u vector for critic layer ${String(index)} (not attached)`);
        return tf.tidy(() => tf.div(kernel, powerIteration(asMatrix(kernel), u).sigma));
      },
      state: { tensors },
    };
  },
};
