import { encodeGreyPng } from './encodeGreyPng.js';
import type { SampleValues } from './readSampleFile.js';

/**
 * Tiles the first `count` images of [n, h, w, c] samples into a square-ish grid PNG, each pixel
 * drawn `zoom` times larger, channels averaged. Values in [-1, 1] (tanh outputs) map to 0..255;
 * values that never go below 0 are taken as [0, 1].
 */
export function sampleSheet(samples: SampleValues, count = 64, zoom = 3): Buffer {
  const [n = 0, h = 1, w = 1, c = 1] = samples.shape;
  const shown = Math.min(n, count);
  const columns = Math.max(1, Math.ceil(Math.sqrt(shown)));
  const rows = Math.max(1, Math.ceil(shown / columns));
  const gap = 2;
  const width = (columns * (w + gap) + gap) * zoom;
  const height = (rows * (h + gap) + gap) * zoom;
  const signed = samples.data.some((v) => v < 0);
  const pixels = new Uint8Array(width * height).fill(255);
  for (let k = 0; k < shown; k++) {
    const left = gap + (k % columns) * (w + gap);
    const top = gap + Math.floor(k / columns) * (h + gap);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let sum = 0;
        for (let ch = 0; ch < c; ch++) sum += samples.data[((k * h + y) * w + x) * c + ch] ?? 0;
        const value = signed ? (sum / c + 1) / 2 : sum / c;
        const grey = Math.round(255 * Math.min(1, Math.max(0, value)));
        for (let dy = 0; dy < zoom; dy++) {
          const row = ((top + y) * zoom + dy) * width;
          pixels.fill(grey, row + (left + x) * zoom, row + (left + x + 1) * zoom);
        }
      }
    }
  }
  return encodeGreyPng(pixels, width, height);
}
