import { encodePng } from '../images/encodePng.js';
import { tileImages } from '../images/tileImages.js';
import { scatterImage } from '../images/scatterImage.js';
import { readSampleFile } from '../samples/readSampleFile.js';
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
  const parsed = readSampleFile(file.path);
  if (file.format === 'csv') {
    if (parsed.shape[1] !== 2 || parsed.shape.length !== 2) return null;
    const scatter = scatterImage(parsed.data);
    return {
      png: encodePng(scatter.pixels, scatter.width, scatter.height, 1),
      width: scatter.width,
      height: scatter.height,
      channels: 1,
    };
  }
  const [n = 0, h = 0, w = 0, c = 1] = parsed.shape;
  if ((parsed.shape.length !== 3 && parsed.shape.length !== 4) || (c !== 1 && c !== 3)) return null;
  const count = Math.min(n, SHEET_IMAGES);
  // Values in [lo, hi] map linearly to 0..255, clamped outside; a one-pixel black gap between images.
  const [lo, hi] = range;
  const data = parsed.data;
  const sheet = tileImages(
    { count, height: h, width: w, channels: c, gap: 1, margin: 0, zoom: 1, background: 0 },
    (image, y, x, k) => {
      const v = data[((image * h + y) * w + x) * c + k] ?? 0;
      return Math.min(255, Math.max(0, Math.round((255 * (v - lo)) / (hi - lo))));
    },
  );
  return {
    png: encodePng(sheet.pixels, sheet.width, sheet.height, c),
    width: sheet.width,
    height: sheet.height,
    channels: c,
  };
}
