import type { DataSource } from '../contracts/DataSource.js';
import { drawSamples } from './drawSamples.js';

/**
 * The empirical distribution of a fixed set of rows: each sample is row rng.int(N),
 * drawn uniformly with replacement. `rows` is [N, ...shape] flattened in C order.
 */
export function empiricalSource(
  id: string,
  shape: readonly number[],
  rows: Float32Array,
  definition: string,
): DataSource {
  const size = shape.reduce((a, b) => a * b, 1);
  const count = rows.length / size;
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`${id}: expected a whole, non-zero number of rows of ${size} values, got ${rows.length} values`);
  }
  return {
    id,
    shape: [...shape],
    definition,
    sample: (n, rng) =>
      drawSamples(n, shape, rng, (out, offset, r) => {
        const start = r.int(count) * size;
        out.set(rows.subarray(start, start + size), offset);
      }),
  };
}
