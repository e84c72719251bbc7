import type { tf } from '../tensorflow.js';
import { encodeNpy } from './encodeNpy.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/** Writes samples [n, ...shape] as CSV (one row per sample) or .npy, chosen by the extension. */
export function writeSamples(path: string, samples: tf.Tensor): void {
  const data = samples.dataSync() as Float32Array;
  if (path.endsWith('.npy')) {
    writeFileAtomic(path, encodeNpy(Float32Array.from(data), samples.shape));
    return;
  }
  const [n = 0] = samples.shape;
  const width = n === 0 ? 0 : data.length / n;
  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(data.subarray(i * width, (i + 1) * width), (v) => String(v)).join(','));
  writeFileAtomic(path, `${rows.join('\n')}\n`);
}
