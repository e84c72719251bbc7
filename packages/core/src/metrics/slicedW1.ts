import type { Rng } from '../random/Rng.js';
import type { Points } from './Points.js';

/**
 * W1 between the empirical measures of sorted 1-D samples x (n) and y (m), uniform weights:
 * the integral over t in (0, 1) of |F^-1(t) - G^-1(t)|. Quantile steps sit at i/n and j/m;
 * positions are kept in units of 1/(n m) so that the breakpoints compare exactly.
 */
function w1Sorted(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  const m = y.length;
  let i = 0;
  let j = 0;
  let previous = 0;
  let total = 0;
  while (i < n && j < m) {
    const endX = (i + 1) * m;
    const endY = (j + 1) * n;
    const end = Math.min(endX, endY);
    total += Math.abs((x[i] ?? 0) - (y[j] ?? 0)) * (end - previous);
    previous = end;
    if (endX === end) i++;
    if (endY === end) j++;
  }
  return total / (n * m);
}

function project(points: Points, direction: Float64Array): Float64Array {
  const { n, dim, data } = points;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < dim; k++) s += (data[i * dim + k] ?? 0) * (direction[k] ?? 0);
    out[i] = s;
  }
  return out.sort();
}

/**
 * Sliced Wasserstein-1 distance: the mean over `projections` random unit directions u
 * (uniform on the sphere: normalised standard normals drawn from `rng`) of the 1-D W1
 * between the projections <u, a_i> and <u, b_j>. Sizes may differ: the 1-D W1 is the
 * L1 distance between the two empirical quantile functions (for equal sizes, the mean
 * |sorted differences|). It is at most the exact W1, and cheap: O(projections (n + m) dim).
 */
export function slicedW1(a: Points, b: Points, options: { readonly projections: number; readonly rng: Rng }): number {
  if (a.dim !== b.dim) throw new RangeError(`slicedW1: dimensions differ (${a.dim} vs ${b.dim})`);
  if (a.n === 0 || b.n === 0) throw new RangeError('slicedW1: a point set is empty');
  if (!Number.isInteger(options.projections) || options.projections < 1) {
    throw new RangeError(`slicedW1: projections must be a positive integer, got ${options.projections}`);
  }
  const direction = new Float64Array(a.dim);
  let sum = 0;
  for (let p = 0; p < options.projections; p++) {
    let norm = 0;
    while (norm === 0) {
      let squares = 0;
      for (let k = 0; k < a.dim; k++) {
        const v = options.rng.normal();
        direction[k] = v;
        squares += v * v;
      }
      norm = Math.sqrt(squares);
    }
    for (let k = 0; k < a.dim; k++) direction[k] = (direction[k] ?? 0) / norm;
    sum += w1Sorted(project(a, direction), project(b, direction));
  }
  return sum / options.projections;
}
