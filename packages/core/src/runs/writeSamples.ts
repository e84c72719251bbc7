import type { tf } from '../tensorflow.js';
import { encodeSamples } from './encodeSamples.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/** Writes samples [n, ...shape] as CSV (one row per sample) or .npy, chosen by the extension. */
export function writeSamples(path: string, samples: tf.Tensor): void {
  writeFileAtomic(path, encodeSamples(samples, path.endsWith('.npy') ? 'npy' : 'csv'));
}
