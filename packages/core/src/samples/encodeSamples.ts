import { encodeNpy } from '../runs/encodeNpy.js';
import type { SampleArray } from './SampleArray.js';

/**
 * Samples [n, ...shape] as file bytes: CSV (one row per sample, comma-separated, each value as
 * JavaScript prints it, which reads back exactly) or .npy ('<f4'). The one sample-file format
 * that readSampleFile reads.
 */
export function encodeSamples(samples: SampleArray, format: 'csv' | 'npy'): string | Uint8Array {
  const { data, shape } = samples;
  if (format === 'npy') return encodeNpy(Float32Array.from(data), shape);
  const [n = 0] = shape;
  const width = n === 0 ? 0 : data.length / n;
  const rows: string[] = [];
  for (let i = 0; i < n; i++)
    rows.push(Array.from(data.subarray(i * width, (i + 1) * width), (v) => String(v)).join(','));
  return `${rows.join('\n')}\n`;
}
