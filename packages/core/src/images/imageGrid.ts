/**
 * Lays out n images [n, h, w, c] (float values) as one sheet of `columns` per row with a
 * one-pixel gap, as bytes 0..255: values in [lo, hi] map linearly, outside are clamped.
 */
export function imageGrid(
  data: Float32Array,
  shape: readonly [number, number, number, number],
  range: readonly [number, number],
  columns = Math.ceil(Math.sqrt(shape[0])),
): { pixels: Uint8Array; width: number; height: number } {
  const [n, h, w, c] = shape;
  const rows = Math.max(1, Math.ceil(n / columns));
  const width = columns * (w + 1) - 1;
  const height = rows * (h + 1) - 1;
  const pixels = new Uint8Array(width * height * c);
  const [lo, hi] = range;
  for (let i = 0; i < n; i++) {
    const x0 = (i % columns) * (w + 1);
    const y0 = Math.floor(i / columns) * (h + 1);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let k = 0; k < c; k++) {
          const v = data[((i * h + y) * w + x) * c + k] ?? 0;
          const byte = Math.round((255 * (v - lo)) / (hi - lo));
          pixels[((y0 + y) * width + x0 + x) * c + k] = Math.min(255, Math.max(0, byte));
        }
  }
  return { pixels, width, height };
}
