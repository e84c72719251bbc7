import * as tf from '@tensorflow/tfjs-core';

/**
 * For a reduction of `shape` over `axis`: the number of rows (product of the reduced axes)
 * and columns (the rest) when the reduced axes are exactly the leading ones and some remain,
 * with the output shape; null otherwise.
 */
export function leadingAxes(
  shape: readonly number[],
  axis: number | number[],
  keepDims: boolean,
): { rows: number; cols: number; outShape: number[] } | null {
  const axes = [...tf.util.parseAxisParam(axis, [...shape])].sort((p, q) => p - q);
  const count = axes.length;
  if (count === 0 || count >= shape.length || axes.some((a, i) => a !== i)) return null;
  const rows = shape.slice(0, count).reduce((p, q) => p * q, 1);
  const rest = shape.slice(count);
  const cols = rest.reduce((p, q) => p * q, 1);
  if (rows === 0 || cols === 0) return null;
  return { rows, cols, outShape: keepDims ? [...axes.map(() => 1), ...rest] : rest };
}
