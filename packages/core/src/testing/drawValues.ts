import type { DataSource } from '../contracts/DataSource.js';
import { Rng } from '../random/Rng.js';

/** `n` samples of `source` from the stream `seed`, as flat values (the tensor disposed). */
export function drawValues(source: DataSource, n: number, seed: number): Float32Array {
  const t = source.sample(n, new Rng(seed));
  const values = t.dataSync() as Float32Array;
  t.dispose();
  return values;
}
