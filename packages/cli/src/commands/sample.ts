import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { Rng, tf } from '@ipmgan/core';
import { encodePng, encodeSamples, imageRange, openRun, tileImages } from '@ipmgan/core/engine';
import { CliError } from '../CliError.js';
import { writeOutputFile } from '../writeOutputFile.js';

export interface SampleOptions {
  /** Default: 64 for a .png sheet (8 x 8), else 1000. */
  readonly count?: number;
  readonly output: string;
  readonly checkpoint?: number;
  readonly seed?: number;
}

const FORMATS = ['.csv', '.npy', '.png'];

/**
 * The most values (samples x values per sample) one sample file holds: 2^26 float32 values
 * are 256 MiB in memory and about three times that as CSV text; past it a count is a typo.
 */
const MAX_SAMPLE_VALUES = 2 ** 26;

/**
 * `ipmgan sample RUN`: N samples from a run's generator at a checkpoint, written
 * atomically as CSV (vector data), .npy (any) or a PNG sheet (image data). Training
 * state is loaded, never advanced, and nothing is written into the run.
 */
export async function sample(runPath: string, options: SampleOptions, cwd: string): Promise<void> {
  const output = resolve(cwd, options.output);
  const format = extname(output).toLowerCase();
  if (!FORMATS.includes(format)) throw new CliError(`-o: ${options.output}: expected a .csv, .npy or .png file name`);
  if (!existsSync(dirname(output))) throw new CliError(`-o: directory not found: ${dirname(output)}`);
  if (existsSync(output) && statSync(output).isDirectory())
    throw new CliError(`-o: ${output} is a directory; give a file name`);
  const count = options.count ?? (format === '.png' ? 64 : 1000);

  const run = await openRun({
    runDirectory: runPath,
    cwd,
    mode: 'read',
    ...(options.checkpoint === undefined ? {} : { iteration: options.checkpoint }),
  });
  const iteration = run.trainer.state.iteration;
  try {
    const shape = run.trainer.data.shape;
    const isImage = shape.length === 3 || shape.length === 2;
    if (format === '.csv' && shape.length !== 1)
      throw new CliError(
        `-o: ${options.output}: CSV holds vectors, this run's data has shape [${shape.join(', ')}]; use .npy or .png`,
      );
    if (format === '.png' && !isImage)
      throw new CliError(
        `-o: ${options.output}: a PNG sheet needs image data, this run's data has shape [${shape.join(', ')}]; use .csv or .npy`,
      );
    const values = count * shape.reduce((a, b) => a * b, 1);
    if (values > MAX_SAMPLE_VALUES)
      throw new CliError(
        `-n: ${String(count)} samples of shape [${shape.join(', ')}] are ${String(values)} values; at most ${String(MAX_SAMPLE_VALUES)} (${String(Math.floor(MAX_SAMPLE_VALUES / (values / count)))} samples) fit in one file`,
      );
    const rng = new Rng(options.seed ?? run.config.seed);
    const samples = run.trainer.generator.sample(count, rng);
    const data = Float32Array.from(samples.dataSync());
    const sampleShape = samples.shape;
    tf.dispose(samples);
    const nonFinite = data.filter((x) => !Number.isFinite(x)).length;
    if (nonFinite > 0)
      throw new Error(
        `the generator's samples at iteration ${String(iteration)} hold ${String(nonFinite)} non-finite values; nothing written to ${output}`,
      );
    if (format === '.csv' || format === '.npy')
      writeOutputFile('-o', output, encodeSamples({ shape: sampleShape, data }, format === '.csv' ? 'csv' : 'npy'));
    else {
      const [h = 1, w = 1, c = 1] = shape;
      if (c !== 1 && c !== 3)
        throw new CliError(`-o: ${options.output}: a PNG needs 1 or 3 channels, got ${String(c)}`);
      const [lo, hi] = imageRange(run.config);
      // A white background with 2 pixels around and between the images (dark digits' edges stay
      // visible), every pixel drawn twice as large; values in [lo, hi] map linearly to 0..255.
      const sheet = tileImages(
        { count, height: h, width: w, channels: c, gap: 2, margin: 2, zoom: 2, background: 255 },
        (i, y, x, k) => {
          const v = data[((i * h + y) * w + x) * c + k] ?? 0;
          return Math.min(255, Math.max(0, Math.round((255 * (v - lo)) / (hi - lo))));
        },
      );
      writeOutputFile('-o', output, encodePng(sheet.pixels, sheet.width, sheet.height, c));
    }
    process.stdout.write(`ipmgan: wrote ${String(count)} samples of iteration ${String(iteration)} to ${output}\n`);
  } finally {
    run.dispose();
  }
}
