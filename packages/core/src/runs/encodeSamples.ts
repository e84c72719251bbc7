import type { tf } from '../tensorflow.js';
import { encodeNpy } from './encodeNpy.js';

/** Samples [n, ...shape] as file bytes: CSV (one row per sample) or .npy. */
export function encodeSamples(samples: tf.Tensor, format: 'csv' | 'npy'): string | Uint8Array {
  const data = samples.dataSync() as Float32Array;
  if (format === 'npy') return encodeNpy(Float32Array.from(data), samples.shape);
  const [n = 0] = samples.shape;
  const width = n === 0 ? 0 : data.length / n;
  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(data.subarray(i * width, (i + 1) * width), (v) => String(v)).join(','));
  return `${rows.join('\n')}\n`;
}
