/** How tileImages lays images out on a sheet. */
export interface TileLayout {
  /** Images on the sheet, each `height` × `width`. */
  readonly count: number;
  readonly height: number;
  readonly width: number;
  /** Bytes a pixel of the sheet: 1 (grey) or 3 (RGB). */
  readonly channels: 1 | 3;
  /** Images a row (default: the ceiling of the square root of count, a square-ish sheet). */
  readonly columns?: number;
  /** Pixels between two images and around the sheet, before zooming. */
  readonly gap: number;
  readonly margin: number;
  /** Every pixel drawn zoom × zoom times. */
  readonly zoom: number;
  /** The byte of gaps and margins. */
  readonly background: number;
}

/**
 * Tiles `count` images into one sheet of bytes, row-major, `channels` a pixel:
 * `byteAt(image, y, x, channel)` gives each image's pixels (the caller maps its values to bytes).
 * The one tiler of sample sheets: the run report's, E5's and `ipmgan sample -o x.png`'s.
 */
export function tileImages(
  layout: TileLayout,
  byteAt: (image: number, y: number, x: number, channel: number) => number,
): { readonly pixels: Uint8Array; readonly width: number; readonly height: number } {
  const { count, height: h, width: w, channels, gap, margin, zoom, background } = layout;
  const columns = layout.columns ?? Math.max(1, Math.ceil(Math.sqrt(count)));
  const rows = Math.max(1, Math.ceil(count / columns));
  const width = (columns * (w + gap) - gap + 2 * margin) * zoom;
  const height = (rows * (h + gap) - gap + 2 * margin) * zoom;
  const pixels = new Uint8Array(width * height * channels).fill(background);
  for (let i = 0; i < count; i++) {
    const left = margin + (i % columns) * (w + gap);
    const top = margin + Math.floor(i / columns) * (h + gap);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let k = 0; k < channels; k++) {
          const byte = byteAt(i, y, x, k);
          for (let dy = 0; dy < zoom; dy++) {
            const row = ((top + y) * zoom + dy) * width;
            for (let dx = 0; dx < zoom; dx++) pixels[(row + (left + x) * zoom + dx) * channels + k] = byte;
          }
        }
  }
  return { pixels, width, height };
}
