import { encodePng, tileImages, type SampleArray } from '@ipmgan/core/engine';

/**
 * Tiles the first `count` images of [n, h, w, c] samples into a square-ish grid PNG, each pixel
 * drawn `zoom` times larger, channels averaged. Values in [-1, 1] (tanh outputs) map to 0..255;
 * values that never go below 0 are taken as [0, 1].
 */
export function sampleSheet(samples: SampleArray, count = 64, zoom = 3): Buffer {
  const [n = 0, h = 1, w = 1, c = 1] = samples.shape;
  const signed = samples.data.some((v) => v < 0);
  const { pixels, width, height } = tileImages(
    { count: Math.min(n, count), height: h, width: w, channels: 1, gap: 2, margin: 2, zoom, background: 255 },
    (k, y, x) => {
      let sum = 0;
      for (let ch = 0; ch < c; ch++) sum += samples.data[((k * h + y) * w + x) * c + ch] ?? 0;
      const value = signed ? (sum / c + 1) / 2 : sum / c;
      return Math.round(255 * Math.min(1, Math.max(0, value)));
    },
  );
  return encodePng(pixels, width, height);
}
