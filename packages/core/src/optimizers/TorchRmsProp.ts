import { tf } from '../tensorflow.js';
import { SlotStore, type NamedTensor } from './SlotStore.js';

/**
 * RMSProp exactly as PyTorch (and so the WGAN reference code) computes it:
 *   ms <- alpha ms + (1 - alpha) g^2;  step = g / (sqrt(ms) + eps);  w <- w - lr step
 * tf.train.rmsprop divides by sqrt(ms + eps) instead. With eps 1e-8 and the very small
 * gradients a clipped critic passes on, that makes steps up to ~10x smaller than the paper's.
 */
export class TorchRmsProp extends tf.Optimizer {
  static readonly className = 'TorchRMSProp';
  /** The mean square and (with momentum) the momentum buffer per variable. */
  readonly #slots = new SlotStore(['square', 'buffer'] as const);

  constructor(
    readonly learningRate: number,
    readonly alpha: number,
    readonly momentum: number,
    readonly epsilon: number,
  ) {
    super();
  }

  applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const entries: [string, tf.Tensor | undefined][] = Array.isArray(variableGradients)
      ? variableGradients.map((v) => [v.name, v.tensor])
      : Object.entries(variableGradients);
    entries.forEach(([name, gradient], i) => {
      const variable = tf.engine().registeredVariables[name];
      if (!variable || !gradient) return;
      const square = this.#slots.slot('square', i, variable);
      const buffer = this.momentum > 0 ? this.#slots.slot('buffer', i, variable) : null;
      tf.tidy(() => {
        const meanSquare = tf.add(tf.mul(square, this.alpha), tf.mul(tf.square(gradient), 1 - this.alpha));
        square.assign(meanSquare);
        let step = tf.div(gradient, tf.add(tf.sqrt(meanSquare), this.epsilon));
        if (buffer) {
          step = tf.add(tf.mul(buffer, this.momentum), step);
          buffer.assign(step);
        }
        variable.assign(tf.sub(variable, tf.mul(step, this.learningRate)));
      });
    });
    this.incrementIterations();
  }

  override async getWeights(): Promise<NamedTensor[]> {
    return [await this.saveIterations(), ...this.#slots.named()];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    this.#slots.restore(await this.extractIterations(weightValues));
  }

  override dispose(): void {
    this.#slots.dispose();
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, alpha: this.alpha, momentum: this.momentum, epsilon: this.epsilon };
  }
}
