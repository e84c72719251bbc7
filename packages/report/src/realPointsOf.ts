import { dirname } from 'node:path';
import { Rng, tf } from '@ipmgan/core';
import { builtinDataSources } from '@ipmgan/core/engine';
import type { RunData } from './RunData.js';

/** Real samples drawn under the generated ones in every sample panel. */
const COUNT = 512;

/**
 * `COUNT` real points of a run's 2-D data (any of core's sources: ring8, grid25, swissroll,
 * parallel-lines, a 2-column CSV or .npy), drawn with the run's seed, to plot under generated
 * samples; undefined for other data, a plugin's source, or a file that cannot be read.
 */
export async function realPointsOf(run: RunData): Promise<[number, number][] | undefined> {
  const extension = builtinDataSources.find((e) => e.id === run.config.data.name);
  if (extension === undefined) return undefined;
  try {
    // A file path in the options resolves against the config's folder; a run directory sits in it (or a compare in it).
    const source = await extension.create(extension.optionsSchema.parse(run.config.data.options), {
      baseDir: dirname(run.directory),
    });
    if (source.shape.length !== 1 || source.shape[0] !== 2) return undefined;
    await tf.ready();
    const samples = source.sample(COUNT, new Rng(run.seed));
    const data = samples.dataSync();
    samples.dispose();
    return Array.from({ length: COUNT }, (_, i) => [data[2 * i] ?? 0, data[2 * i + 1] ?? 0]);
  } catch {
    return undefined;
  }
}
