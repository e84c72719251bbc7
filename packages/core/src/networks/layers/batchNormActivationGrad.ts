import { fusedKernelNames, hasFusedKernel } from '../../backend/fusedKernels.js';
import { tf } from '../../tensorflow.js';

/**
 * The gradient of the fused batch norm + LeakyReLU(slope) kernel (batchNorm's training path
 * where the backend has it). With g = dy where the normalised value is > 0, else slope dy,
 * z = (x - mean) / sqrt(var + eps) and n values per channel:
 *   dbeta = sum g,  dgamma = sum g z,  dx = gamma / sqrt(var + eps) (g - dbeta / n - z dgamma / n),
 * the batch statistics' own dependence on x included. By the fused gradient kernel where the
 * backend has one, else by these ops. batchNorm never runs the fused kernel under nested tapes,
 * so no second derivative is taken through this one, and the gradients tfjs passes for the
 * mean and variance outputs are zeros (they lead to no loss: only the running statistics use them).
 */
export const batchNormActivationGradConfig: tf.GradConfig = {
  kernelName: fusedKernelNames.batchNormActivation,
  inputsToSave: ['x', 'gamma'],
  outputsToSave: [true, true, true],
  gradFunc: (dys, saved, attrs) => {
    const dy = Array.isArray(dys) ? dys[0] : dys;
    const [x, gamma, y, mean, variance] = saved;
    if (
      dy === undefined ||
      x === undefined ||
      gamma === undefined ||
      y === undefined ||
      mean === undefined ||
      variance === undefined
    ) {
      throw new Error(
        `${fusedKernelNames.batchNormActivation} gradient: dy, saved x, gamma, y, mean and variance expected.`,
      );
    }
    const { epsilon, slope } = attrs as { epsilon: number; slope: number };
    if (hasFusedKernel(fusedKernelNames.batchNormActivationGrad)) {
      const [dx, dgamma, dbeta] = tf
        .engine()
        .runKernel<tf.Tensor[]>(
          fusedKernelNames.batchNormActivationGrad,
          { dy, x, gamma, mean, variance, y },
          { epsilon, slope },
        );
      if (dx === undefined || dgamma === undefined || dbeta === undefined) {
        throw new Error(`${fusedKernelNames.batchNormActivationGrad} returned too few outputs`);
      }
      return { x: () => dx, gamma: () => dgamma, beta: () => dbeta };
    }
    const axes = x.shape.slice(0, -1).map((_, i) => i);
    const count = x.size / (x.shape[x.rank - 1] ?? 1);
    const inverse = tf.rsqrt(tf.add(variance, epsilon)); // [c]
    const z = tf.mul(tf.sub(x, mean), inverse);
    // y > 0 exactly where the normalised value is, for slope >= 0.
    const g = tf.where(tf.greater(y, 0), dy, tf.mul(dy, slope));
    const dbeta = tf.sum(g, axes);
    const dgamma = tf.sum(tf.mul(g, z), axes);
    const dx = tf.mul(
      tf.mul(gamma, inverse),
      tf.sub(tf.sub(g, tf.div(dbeta, count)), tf.mul(z, tf.div(dgamma, count))),
    );
    return { x: () => dx, gamma: () => dgamma, beta: () => dbeta };
  },
};
