/**
 * A grey `size` x `size` picture of 2-D points (`data` [n, 2] row-major): white background, each
 * point a dark 3x3 dot, axes scaled to the points' bounding box with a 5% margin (y upwards).
 */
export function scatterImage(
  data: ArrayLike<number>,
  size = 256,
): { pixels: Uint8Array; width: number; height: number } {
  const n = Math.floor(data.length / 2);
  const pixels = new Uint8Array(size * size).fill(255);
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const x = data[2 * i] ?? 0;
    const y = data[2 * i + 1] ?? 0;
    [xMin, xMax, yMin, yMax] = [Math.min(xMin, x), Math.max(xMax, x), Math.min(yMin, y), Math.max(yMax, y)];
  }
  // A square box around both ranges, so that circles stay round.
  const span = Math.max(xMax - xMin, yMax - yMin, 1e-12) * 1.1;
  const [cx, cy] = [(xMin + xMax) / 2, (yMin + yMax) / 2];
  for (let i = 0; i < n; i++) {
    const px = Math.round((((data[2 * i] ?? 0) - cx) / span) * (size - 1) + (size - 1) / 2);
    const py = Math.round((size - 1) / 2 - (((data[2 * i + 1] ?? 0) - cy) / span) * (size - 1));
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const [x, y] = [px + dx, py + dy];
        if (x >= 0 && x < size && y >= 0 && y < size) pixels[y * size + x] = 0;
      }
  }
  return { pixels, width: size, height: size };
}
