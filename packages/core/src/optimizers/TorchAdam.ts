import { fusedKernelNames, hasFusedKernel } from '../backend/fusedKernels.js';
import { tf } from '../tensorflow.js';
import { SlottedOptimizer } from './SlottedOptimizer.js';

/** torch.lerp's float kernel: start + w (end - start) for w < 0.5, else end - (end - start)(1 - w). */
function lerp(start: tf.Tensor, end: tf.Tensor, weight: number): tf.Tensor {
  const difference = tf.sub(end, start);
  return weight < 0.5 ? tf.add(start, tf.mul(difference, weight)) : tf.sub(end, tf.mul(difference, 1 - weight));
}

/**
 * Adam exactly as torch.optim.Adam (single-tensor path, no weight decay, no amsgrad) computes it:
 *   t <- t + 1;  m <- lerp(m, g, 1 - beta1);  v <- beta2 v + (1 - beta2) g^2
 *   w <- w - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * The bias corrections are recomputed from the step count t in double precision on every
 * step, so the whole state is (t, m, v): restoring it continues bit for bit. tf.train.adam
 * instead carries beta^t as float32 products and rebuilds them with pow() on restore, which
 * rounds differently, so a resumed run drifted from an uninterrupted one.
 * Where the backend has the fused kernel (@ipmgan/native on wasm) one call does the whole
 * update, rounding each operation to float32 as the ops below do.
 */
export class TorchAdam extends SlottedOptimizer<'m' | 'v'> {
  static readonly className = 'TorchAdam';

  constructor(
    readonly learningRate: number,
    readonly beta1: number,
    readonly beta2: number,
    readonly epsilon: number,
  ) {
    super(['m', 'v']);
  }

  protected updateVariable(variable: tf.Variable, gradient: tf.Tensor, index: number, step: number): void {
    const stepSize = this.learningRate / (1 - this.beta1 ** step);
    const correction2Sqrt = Math.sqrt(1 - this.beta2 ** step);
    const m = this.slots.slot('m', index, variable);
    const v = this.slots.slot('v', index, variable);
    tf.tidy(() => {
      if (hasFusedKernel(fusedKernelNames.adam)) {
        const attrs = { beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, stepSize, correction2Sqrt };
        const [next, nextM, nextV] = tf
          .engine()
          .runKernel<tf.Tensor[]>(fusedKernelNames.adam, { variable, gradient, m, v }, attrs);
        if (next === undefined || nextM === undefined || nextV === undefined) {
          throw new Error(`${fusedKernelNames.adam} returned too few outputs`);
        }
        m.assign(nextM);
        v.assign(nextV);
        variable.assign(next);
        return;
      }
      const first = lerp(m, gradient, 1 - this.beta1);
      // addcmul: v beta2 + ((1 - beta2) g) g
      const second = tf.add(tf.mul(v, this.beta2), tf.mul(tf.mul(gradient, 1 - this.beta2), gradient));
      m.assign(first);
      v.assign(second);
      const denominator = tf.add(tf.div(tf.sqrt(second), correction2Sqrt), this.epsilon);
      // addcdiv: w + ((-stepSize) m) / denominator
      variable.assign(tf.add(variable, tf.div(tf.mul(first, -stepSize), denominator)));
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
