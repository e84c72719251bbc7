import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  digitClassifierFromWeights,
  type DigitClassifier,
  type DigitClassifierOptions,
  type DigitClassifierWeights,
} from './digitClassifier.js';

/** Where the trained classifier ships: packages/core/assets (from src/metrics/digits and dist/metrics/digits alike). */
const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const MANIFEST = 'digit-classifier.json';
const WEIGHTS = 'digit-classifier.bin';

/** How the shipped classifier was trained and how well it does, as digit-classifier.json records it. */
export interface DigitClassifierInfo {
  readonly trainedBy: string;
  readonly seed: number;
  readonly options: DigitClassifierOptions;
  readonly trainDigits: number;
  readonly heldOutDigits: number;
  readonly trainAccuracy: number;
  readonly heldOutAccuracy: number;
}

type Inference = Pick<DigitClassifier, 'featureSize' | 'features' | 'classify' | 'weights' | 'dispose'>;

/**
 * The small digit classifier that ships trained with core (assets/digit-classifier.json and
 * .bin, written once by scripts/train-digit-classifier.mjs from the `mnist` package's digits):
 * its features and classes judge MNIST-shaped samples (digitFrechet, digitKid, digitClasses).
 */
let loaded: { readonly info: DigitClassifierInfo; readonly classifier: Inference } | undefined;

export const ShippedDigitClassifier = {
  /** The classifier and its record, loaded once per process (its variables live until the process ends). */
  load(directory = ASSETS): { readonly info: DigitClassifierInfo; readonly classifier: Inference } {
    if (directory === ASSETS && loaded) return loaded;
    const manifest = JSON.parse(readFileSync(join(directory, MANIFEST), 'utf8')) as DigitClassifierInfo & {
      readonly variables: readonly { readonly shape: readonly number[] }[];
    };
    const bytes = readFileSync(join(directory, WEIGHTS));
    const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    let at = 0;
    const variables = manifest.variables.map(({ shape }) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const values = all.slice(at, at + size);
      at += size;
      return { shape, values };
    });
    if (at !== all.length)
      throw new Error(`${join(directory, WEIGHTS)}: ${String(all.length)} values, the manifest names ${String(at)}`);
    const { variables: _, ...info } = manifest;
    const result = {
      info,
      classifier: digitClassifierFromWeights({
        hidden: manifest.options.hidden,
        features: manifest.options.features,
        variables,
      }),
    };
    if (directory === ASSETS) loaded = result;
    return result;
  },

  /** Writes a trained classifier's weights (float32, little-endian, in order) and its record into `directory`. */
  write(directory: string, weights: DigitClassifierWeights, info: DigitClassifierInfo): void {
    mkdirSync(directory, { recursive: true });
    const values = weights.variables.map((v) => v.values);
    const total = values.reduce((n, v) => n + v.length, 0);
    const all = new Float32Array(total);
    let at = 0;
    for (const v of values) {
      all.set(v, at);
      at += v.length;
    }
    writeFileSync(join(directory, WEIGHTS), new Uint8Array(all.buffer));
    const manifest = { ...info, variables: weights.variables.map((v) => ({ shape: v.shape })) };
    writeFileSync(join(directory, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  },

  /** packages/core/assets, where the classifier ships. */
  assets: ASSETS,
};
