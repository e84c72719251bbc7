import { resolve } from 'node:path';
import { z } from 'zod';
import { defineDataSource } from './defineDataSource.js';
import { readDataFile } from './readDataFile.js';
import { empiricalSource } from './empiricalSource.js';
import { parseNpy } from './parseNpy.js';
import { ConfigError } from '../config/ConfigError.js';

const optionsSchema = z.strictObject({
  /** The file; a relative path resolves against the config's directory. */
  path: z.string().min(1),
});

/** The user's own vectors or images, saved with numpy.save as float32 (or float64). */
export const npyFile = defineDataSource({
  kind: 'data',
  id: 'npy',
  description:
    "Rows of a NumPy .npy file ('<f4' or '<f8', C order) of shape [N, d], [N, h, w] or [N, h, w, c], drawn uniformly with replacement.",
  optionsSchema,
  create: async ({ path }, { baseDir }) => {
    const fail = (what: string): Error => new ConfigError(`data.options.path: ${path}: ${what}`);
    const bytes = await readDataFile(resolve(baseDir, path), fail);
    let parsed: ReturnType<typeof parseNpy>;
    try {
      parsed = parseNpy(bytes);
    } catch (error) {
      throw fail(error instanceof Error ? error.message : String(error));
    }
    const { shape, data } = parsed;
    const [n, ...rest] = shape;
    // [N, h, w] is a stack of grey images: add the channel axis the networks expect.
    const sampleShape = rest.length === 2 ? [...rest, 1] : rest;
    if (n === undefined || (rest.length !== 1 && rest.length !== 2 && rest.length !== 3)) {
      throw fail(`expected shape [N, d], [N, h, w] or [N, h, w, c], got [${shape.join(', ')}]`);
    }
    if (n === 0 || rest.includes(0)) throw fail(`no data: shape [${shape.join(', ')}]`);
    const bad = data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      // Name the row, like the CSV error names the line (rows counted from 0, as NumPy does).
      throw fail(`row ${Math.floor(bad / (data.length / n))} contains ${data[bad]} (expected finite numbers)`);
    }
    return empiricalSource(
      'npy',
      sampleShape,
      data,
      `uniform with replacement over the ${n} rows (shape [${sampleShape.join(', ')}]) of ${path}`,
    );
  },
});
