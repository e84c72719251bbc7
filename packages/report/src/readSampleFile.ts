import { readFileSync } from 'node:fs';
import { parseNpy } from '@ipmgan/core/engine';
import type { SampleFile } from './RunData.js';

/** Sample values: `shape` is [n, ...sample shape], `data` row-major. */
export interface SampleValues {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Reads a CSV (one row per sample, no header) or .npy sample file. */
export function readSampleFile(file: SampleFile): SampleValues {
  if (file.format === 'npy') {
    try {
      return parseNpy(readFileSync(file.path));
    } catch (error) {
      throw new Error(`${file.path}: ${(error as Error).message}`);
    }
  }
  const rows = readFileSync(file.path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map(Number));
  const width = rows[0]?.length ?? 0;
  const data = new Float32Array(rows.length * width);
  rows.forEach((row, i) => {
    if (row.length !== width) throw new Error(`${file.path}:${i + 1}: ${row.length} values, expected ${width}`);
    data.set(row, i * width);
  });
  return { shape: [rows.length, width], data };
}
