import { tf } from '../tensorflow.js';
import { SlotStore, type NamedTensor } from './SlotStore.js';

/**
 * An optimizer whose whole state is its step count and per-variable slots (SlotStore), so that
 * getWeights and setWeights save and restore it exactly. Subclasses write one variable's
 * update; this class walks the gradients, counts steps and owns the slots.
 */
export abstract class SlottedOptimizer<Kind extends string> extends tf.Optimizer {
  protected readonly slots: SlotStore<Kind>;

  constructor(kinds: readonly Kind[]) {
    super();
    this.slots = new SlotStore(kinds);
  }

  /** The slot kinds this optimizer keeps for every variable once it has stepped: what a checkpoint must hold. */
  get slotKinds(): readonly string[] {
    return this.slots.kinds;
  }

  /** Updates the i-th variable from its gradient; `step` counts from 1 (this step included). */
  protected abstract updateVariable(variable: tf.Variable, gradient: tf.Tensor, index: number, step: number): void;

  applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const entries: [string, tf.Tensor | undefined][] = Array.isArray(variableGradients)
      ? variableGradients.map((v) => [v.name, v.tensor])
      : Object.entries(variableGradients);
    const step = this.iterations + 1;
    entries.forEach(([name, gradient], i) => {
      const variable = tf.engine().registeredVariables[name];
      if (variable && gradient) this.updateVariable(variable, gradient, i, step);
    });
    this.incrementIterations();
  }

  override async getWeights(): Promise<NamedTensor[]> {
    return [await this.saveIterations(), ...this.slots.named()];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    this.slots.restore(await this.extractIterations(weightValues));
  }

  override dispose(): void {
    this.slots.dispose();
  }
}
