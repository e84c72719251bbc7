import { writeFileAtomic } from '../runs/writeFileAtomic.js';
import type { SampleArray } from './SampleArray.js';
import { encodeSamples } from './encodeSamples.js';

/** Writes samples [n, ...shape] atomically as CSV (one row per sample) or .npy, chosen by the extension. */
export function writeSampleFile(path: string, samples: SampleArray): void {
  writeFileAtomic(path, encodeSamples(samples, path.endsWith('.npy') ? 'npy' : 'csv'));
}
