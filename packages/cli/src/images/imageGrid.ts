/**
 * Lays out n images [n, h, w, c] (float values) as one sheet of `columns` per row, on a white
 * background with a `gap`-pixel margin around and between them (dark digits' edges stay
 * visible), every pixel drawn `zoom` times larger, as bytes 0..255: values in [lo, hi] map
 * linearly, outside are clamped.
 */
export function imageGrid(
  data: Float32Array,
  shape: readonly [number, number, number, number],
  range: readonly [number, number],
  columns = Math.ceil(Math.sqrt(shape[0])),
  zoom = 2,
  gap = 2,
): { pixels: Uint8Array; width: number; height: number } {
  const [n, h, w, c] = shape;
  const rows = Math.max(1, Math.ceil(n / columns));
  const width = (columns * (w + gap) + gap) * zoom;
  const height = (rows * (h + gap) + gap) * zoom;
  const pixels = new Uint8Array(width * height * c).fill(255);
  const [lo, hi] = range;
  for (let i = 0; i < n; i++) {
    const x0 = gap + (i % columns) * (w + gap);
    const y0 = gap + Math.floor(i / columns) * (h + gap);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let k = 0; k < c; k++) {
          const v = data[((i * h + y) * w + x) * c + k] ?? 0;
          const byte = Math.min(255, Math.max(0, Math.round((255 * (v - lo)) / (hi - lo))));
          for (let dy = 0; dy < zoom; dy++)
            for (let dx = 0; dx < zoom; dx++)
              pixels[(((y0 + y) * zoom + dy) * width + (x0 + x) * zoom + dx) * c + k] = byte;
        }
  }
  return { pixels, width, height };
}
