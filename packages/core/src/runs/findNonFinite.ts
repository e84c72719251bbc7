import { tf } from '../tensorflow.js';

export interface NamedTensor {
  readonly name: string;
  readonly tensor: tf.Tensor;
}

/** Where non-finite values sit: their count and the first tensor holding one. */
export interface NonFinite {
  readonly count: number;
  readonly first: string;
  readonly value: number;
}

/** Counts the NaN and infinite values of `data` (a checkpoint's buffer, a sample file). */
export function countNonFinite(data: Float32Array): number {
  let count = 0;
  for (const x of data) if (!Number.isFinite(x)) count++;
  return count;
}

/** Describes a NonFinite in a message: "19 non-finite values (first: criticOptimizer/slot2/v = Infinity)". */
export function describeNonFinite(bad: NonFinite): string {
  return `${String(bad.count)} non-finite value${bad.count === 1 ? '' : 's'} (first: ${bad.first} = ${String(bad.value)})`;
}

/**
 * The non-finite values of `tensors`, or null when every value is finite. One reduction
 * and one read in the common case: sum(x * 0) is 0 for finite x and NaN as soon as one x
 * is NaN or infinite (an op every backend has, unlike isFinite on wasm).
 */
export function findNonFinite(tensors: readonly NamedTensor[]): NonFinite | null {
  if (tensors.length === 0) return null;
  const probe = tf.tidy(() => tf.stack(tensors.map(({ tensor }) => tf.sum(tf.mul(tf.cast(tensor, 'float32'), 0)))));
  const sums = probe.dataSync();
  probe.dispose();
  if (sums.every((s) => s === 0)) return null;
  let count = 0;
  let first: { name: string; value: number } | null = null;
  for (const { name, tensor } of tensors) {
    for (const value of tensor.dataSync()) {
      if (Number.isFinite(value)) continue;
      count++;
      first ??= { name, value };
    }
  }
  return first ? { count, first: first.name, value: first.value } : null;
}
