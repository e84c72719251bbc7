import test from 'ava';
import { tileImages } from './tileImages.js';

test('two 1 × 1 images, gap 1, margin 1, zoom 2: a 10 × 6 sheet with each pixel a 2 × 2 block', (t) => {
  const { pixels, width, height } = tileImages(
    { count: 2, height: 1, width: 1, channels: 1, gap: 1, margin: 1, zoom: 2, background: 9 },
    (image) => 100 + image,
  );
  // Two columns (ceil(sqrt 2)): (2 * (1 + 1) - 1 + 2 * 1) * 2 = 10 wide, (1 * (1 + 1) - 1 + 2) * 2 = 6 high.
  t.is(width, 10);
  t.is(height, 6);
  const row = (y: number): number[] => [...pixels.subarray(y * width, (y + 1) * width)];
  const background = Array.from({ length: 10 }, () => 9);
  // Image 0 starts at x = margin = 1, image 1 at 1 + (1 + gap) = 3; both at y = 1; zoomed: columns 2-3 and 6-7, rows 2-3.
  const tiles = [9, 9, 100, 100, 9, 9, 101, 101, 9, 9];
  t.deepEqual([0, 1, 2, 3, 4, 5].map(row), [background, background, tiles, tiles, background, background]);
});

test('RGB: each channel of a pixel from byteAt, three bytes a pixel', (t) => {
  const { pixels, width, height } = tileImages(
    { count: 1, height: 1, width: 2, channels: 3, gap: 1, margin: 0, zoom: 1, background: 0 },
    (_, __, x, channel) => 10 * x + channel,
  );
  t.is(width, 2);
  t.is(height, 1);
  t.deepEqual([...pixels], [0, 1, 2, 10, 11, 12]);
});

test('three images on two columns: the second row starts below the first with the gap between', (t) => {
  const { pixels, width, height } = tileImages(
    { count: 3, height: 1, width: 1, channels: 1, columns: 2, gap: 1, margin: 0, zoom: 1, background: 0 },
    (image) => image + 1,
  );
  t.deepEqual([width, height], [3, 3]);
  t.deepEqual([...pixels], [1, 0, 2, 0, 0, 0, 3, 0, 0]);
});
