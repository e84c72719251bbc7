import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/ConfigError.js';
import { parseNpy } from '../data/parseNpy.js';
import { encodePng } from '../images/encodePng.js';
import { imageGrid } from '../images/imageGrid.js';
import { scatterImage } from '../images/scatterImage.js';
import { readSamples } from '../metrics/readSamples.js';
import type { RunSampleFile } from '../runs/RunDirectory.js';
import type { PngImage } from './encodeEvent.js';

/** Images drawn on one sheet: an 8 x 8 grid is legible at TensorBoard's default size. */
const SHEET_IMAGES = 64;

/**
 * A PNG of a run's sample file: image samples (.npy [n, h, w] or [n, h, w, c] with c 1 or 3)
 * as a grid of the first 64, values in `range` mapped to 0..255; 2-D vector samples (.csv) as
 * a scatter plot. Null for samples that have no picture (other vector sizes, other channels).
 */
export function sampleSheet(file: RunSampleFile, range: readonly [number, number]): PngImage | null {
  if (file.format === 'csv') {
    const points = readSamples(file.path);
    if (points.dim !== 2) return null;
    const scatter = scatterImage(points.data);
    return {
      png: encodePng(scatter.pixels, scatter.width, scatter.height, 1),
      width: scatter.width,
      height: scatter.height,
      channels: 1,
    };
  }
  let parsed: ReturnType<typeof parseNpy>;
  try {
    parsed = parseNpy(readFileSync(file.path));
  } catch (error) {
    throw new ConfigError(`${file.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [n = 0, h = 0, w = 0, c = 1] = parsed.shape;
  if ((parsed.shape.length !== 3 && parsed.shape.length !== 4) || (c !== 1 && c !== 3)) return null;
  const count = Math.min(n, SHEET_IMAGES);
  const sheet = imageGrid(parsed.data.subarray(0, count * h * w * c), [count, h, w, c], range);
  return {
    png: encodePng(sheet.pixels, sheet.width, sheet.height, c),
    width: sheet.width,
    height: sheet.height,
    channels: c,
  };
}
