import { tf } from '../tensorflow.js';

/** A tensor with the name an optimizer's getWeights gives it. */
export interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/**
 * An optimizer's per-variable state by kind (Adam's `m` and `v`, RMSProp's `square` and
 * `buffer`): each slot is created as zeros shaped like its variable on first use, saved as
 * `slot<i>/<kind>` (all slots of the first kind, then the next), restored from those names
 * into fresh variables, and disposed together. TorchAdam and TorchRmsProp keep their whole
 * state here besides the step count, so a checkpoint restores them exactly.
 */
export class SlotStore<Kind extends string> {
  readonly #slots: ReadonlyMap<Kind, tf.Variable[]>;

  constructor(readonly kinds: readonly Kind[]) {
    this.#slots = new Map(kinds.map((kind) => [kind, []]));
  }

  #list(kind: Kind): tf.Variable[] {
    const list = this.#slots.get(kind);
    if (!list) throw new Error(`optimizer slot kind "${kind}" is not one of ${this.kinds.join(', ')}`);
    return list;
  }

  /** The `kind` slot of the i-th variable, zeros like `variable` the first time. */
  slot(kind: Kind, index: number, variable: tf.Tensor): tf.Variable {
    const list = this.#list(kind);
    return (list[index] ??= tf.variable(tf.zerosLike(variable), false));
  }

  /** Every slot as `slot<i>/<kind>`, kind by kind: what getWeights returns after the step count. */
  named(): NamedTensor[] {
    return this.kinds.flatMap((kind) =>
      this.#list(kind).map((tensor, i) => ({ name: `slot${String(i)}/${kind}`, tensor })),
    );
  }

  /** Replaces every slot with `weights` named as named() names them (setWeights, after the step count). */
  restore(weights: readonly NamedTensor[]): void {
    this.dispose();
    for (const { name, tensor } of weights) {
      const match = /^slot(\d+)\/(.+)$/.exec(name);
      const kind = this.kinds.find((k) => k === match?.[2]);
      if (!match || kind === undefined)
        throw new Error(`optimizer weight "${name}": expected slot<i>/<${this.kinds.join('|')}>`);
      this.#list(kind)[Number(match[1])] = tf.variable(tensor, false);
    }
  }

  dispose(): void {
    for (const list of this.#slots.values()) {
      tf.dispose(list);
      list.length = 0;
    }
  }
}
