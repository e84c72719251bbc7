import test from 'ava';
import { REPORT_FONT } from './REPORT_FONT.js';
import { rasterise } from './rasterise.js';
import { renderVegaLite } from './renderVegaLite.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Buffer): { width: number; height: number } {
  // IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('a three-bar chart renders three bar paths in SVG and a PNG twice its size', async (t) => {
  const { svg, png } = await renderVegaLite({
    width: 120,
    height: 80,
    data: {
      values: [
        { k: 'a', v: 1 },
        { k: 'b', v: 3 },
        { k: 'c', v: 2 },
      ],
    },
    mark: 'bar',
    encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } },
  });
  t.true(svg.startsWith('<svg'));
  const bars = /<g class="mark-rect role-mark marks"[^>]*>(.*?)<\/g>/s.exec(svg);
  t.is(bars?.[1]?.match(/<path /g)?.length, 3);
  if (png === null) throw new Error('resvg did not load (its platform binary is missing)');
  t.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
  const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
  t.true(width > 120 && width < 300, `svg width ${width}`);
  t.deepEqual(pngSize(png), { width: 2 * width, height: 2 * height });
});

test('text is set in DejaVu Sans and rasterises to dark pixels', async (t) => {
  const { svg } = await renderVegaLite({
    width: 200,
    height: 40,
    data: { values: [{ s: 'WWWW' }] },
    mark: { type: 'text', fontSize: 30 },
    encoding: { text: { field: 's' } },
  });
  t.true(svg.includes(`font-family="${REPORT_FONT}"`));
  // Resvg drops text it has no font for: dark pixels prove a font was found.
  const image = rasterise(svg, 1);
  if (image === null) throw new Error('resvg did not load (its platform binary is missing)');
  let dark = 0;
  for (let i = 0; i < image.pixels.length; i += 4) if ((image.pixels[i] ?? 255) < 128) dark++;
  t.true(dark > 100, `${dark} dark pixels`);
});
