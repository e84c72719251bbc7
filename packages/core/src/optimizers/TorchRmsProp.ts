import { tf } from '../tensorflow.js';

interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/**
 * RMSProp exactly as PyTorch (and so the WGAN reference code) computes it:
 *   ms <- alpha ms + (1 - alpha) g^2;  step = g / (sqrt(ms) + eps);  w <- w - lr step
 * tf.train.rmsprop divides by sqrt(ms + eps) instead. With eps 1e-8 and the very small
 * gradients a clipped critic passes on, that makes steps up to ~10x smaller than the paper's.
 */
export class TorchRmsProp extends tf.Optimizer {
  static readonly className = 'TorchRMSProp';
  readonly #squares: tf.Variable[] = [];
  readonly #buffers: tf.Variable[] = [];

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
      const square = (this.#squares[i] ??= tf.variable(tf.zerosLike(variable), false));
      const buffer = this.momentum > 0 ? (this.#buffers[i] ??= tf.variable(tf.zerosLike(variable), false)) : null;
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
    const slots = [
      ...this.#squares.map((tensor, i) => ({ name: `slot${String(i)}/square`, tensor })),
      ...this.#buffers.map((tensor, i) => ({ name: `slot${String(i)}/buffer`, tensor })),
    ];
    return [await this.saveIterations(), ...slots];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const slots = await this.extractIterations(weightValues);
    this.dispose();
    for (const { name, tensor } of slots) {
      const [, kind] = name.split('/');
      const index = Number(name.slice(4, name.indexOf('/')));
      const target = kind === 'buffer' ? this.#buffers : this.#squares;
      target[index] = tf.variable(tensor, false);
    }
  }

  override dispose(): void {
    tf.dispose([...this.#squares, ...this.#buffers]);
    this.#squares.length = 0;
    this.#buffers.length = 0;
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, alpha: this.alpha, momentum: this.momentum, epsilon: this.epsilon };
  }
}
