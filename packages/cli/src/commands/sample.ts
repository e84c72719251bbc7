import { existsSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { encodeNpy, Rng, tf, writeFileAtomic } from '@ipmgan/core';
import { CliError } from '../CliError.js';
import { encodePng } from '../images/encodePng.js';
import { imageGrid } from '../images/imageGrid.js';
import { openRunAtCheckpoint } from '../openRunAtCheckpoint.js';

export interface SampleOptions {
  /** Default: 64 for a .png sheet (8 x 8), else 1000. */
  readonly count?: number;
  readonly output: string;
  readonly checkpoint?: number;
  readonly seed?: number;
}

const FORMATS = ['.csv', '.npy', '.png'];

function csvText(data: Float32Array, n: number): string {
  const width = n === 0 ? 0 : data.length / n;
  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(data.subarray(i * width, (i + 1) * width), String).join(','));
  return `${rows.join('\n')}\n`;
}

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
  const count = options.count ?? (format === '.png' ? 64 : 1000);

  const { run, iteration } = await openRunAtCheckpoint(runPath, cwd, options.checkpoint);
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
    if (format === '.csv') writeFileAtomic(output, csvText(data, count));
    else if (format === '.npy') writeFileAtomic(output, encodeNpy(data, sampleShape));
    else {
      const [h = 1, w = 1, c = 1] = shape;
      if (c !== 1 && c !== 3)
        throw new CliError(`-o: ${options.output}: a PNG needs 1 or 3 channels, got ${String(c)}`);
      const range: [number, number] = run.config.data.options.range === 'minus-one-one' ? [-1, 1] : [0, 1];
      const sheet = imageGrid(data, [count, h, w, c], range);
      writeFileAtomic(output, encodePng(sheet.pixels, sheet.width, sheet.height, c));
    }
    process.stdout.write(`ipmgan: wrote ${String(count)} samples of iteration ${String(iteration)} to ${output}\n`);
  } finally {
    run.dispose();
  }
}
