import type { Points } from './Points.js';

/** ||a_i - b_j||^2 in float64. */
export function squaredDistance(a: Points, i: number, b: Points, j: number): number {
  const { dim } = a;
  const ai = i * dim;
  const bj = j * b.dim;
  let s = 0;
  for (let k = 0; k < dim; k++) {
    const d = (a.data[ai + k] ?? 0) - (b.data[bj + k] ?? 0);
    s += d * d;
  }
  return s;
}
