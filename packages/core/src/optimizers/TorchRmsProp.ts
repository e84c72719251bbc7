import { fusedKernelNames, hasFusedKernel } from '../backend/fusedKernels.js';
import { tf } from '../tensorflow.js';
import { SlottedOptimizer } from './SlottedOptimizer.js';

/**
 * RMSProp exactly as PyTorch (and so the WGAN reference code) computes it:
 *   ms <- alpha ms + (1 - alpha) g^2;  step = g / (sqrt(ms) + eps);  w <- w - lr step
 * tf.train.rmsprop divides by sqrt(ms + eps) instead. With eps 1e-8 and the very small
 * gradients a clipped critic passes on, that makes steps up to ~10x smaller than the paper's.
 * Where the backend has the fused kernel (@ipmgan/native on wasm) one call does the whole
 * update, rounding each operation to float32 as the ops below do.
 */
export class TorchRmsProp extends SlottedOptimizer<'square' | 'buffer'> {
  static readonly className = 'TorchRMSProp';

  /** Slots: the mean square and (with momentum) the momentum buffer per variable. */
  constructor(
    readonly learningRate: number,
    readonly alpha: number,
    readonly momentum: number,
    readonly epsilon: number,
  ) {
    // Without momentum there is no buffer: a checkpoint holds the mean squares only.
    super(momentum > 0 ? ['square', 'buffer'] : ['square']);
  }

  protected updateVariable(variable: tf.Variable, gradient: tf.Tensor, index: number): void {
    const square = this.slots.slot('square', index, variable);
    const buffer = this.momentum > 0 ? this.slots.slot('buffer', index, variable) : null;
    tf.tidy(() => {
      if (hasFusedKernel(fusedKernelNames.rmsProp)) {
        const inputs: tf.NamedTensorMap = { variable, gradient, square };
        if (buffer) inputs['buffer'] = buffer;
        const attrs = {
          learningRate: this.learningRate,
          alpha: this.alpha,
          epsilon: this.epsilon,
          momentum: this.momentum,
        };
        const [next, nextSquare, nextBuffer] = tf
          .engine()
          .runKernel<tf.Tensor[]>(fusedKernelNames.rmsProp, inputs, attrs);
        if (next === undefined || nextSquare === undefined || (buffer !== null && nextBuffer === undefined)) {
          throw new Error(`${fusedKernelNames.rmsProp} returned too few outputs`);
        }
        square.assign(nextSquare);
        if (buffer && nextBuffer) buffer.assign(nextBuffer);
        variable.assign(next);
        return;
      }
      const meanSquare = tf.add(tf.mul(square, this.alpha), tf.mul(tf.square(gradient), 1 - this.alpha));
      square.assign(meanSquare);
      let step = tf.div(gradient, tf.add(tf.sqrt(meanSquare), this.epsilon));
      if (buffer) {
        step = tf.add(tf.mul(buffer, this.momentum), step);
        buffer.assign(step);
      }
      variable.assign(tf.sub(variable, tf.mul(step, this.learningRate)));
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, alpha: this.alpha, momentum: this.momentum, epsilon: this.epsilon };
  }
}
