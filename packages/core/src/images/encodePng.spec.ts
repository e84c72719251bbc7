import { inflateSync } from 'node:zlib';
import test from 'ava';
import { encodePng } from './encodePng.js';

test('a 3 × 2 greyscale PNG: signature, IHDR and filtered scanlines that inflate back', (t) => {
  const png = encodePng(Uint8Array.from([0, 128, 255, 10, 20, 30]), 3, 2);
  t.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  t.is(png.toString('ascii', 12, 16), 'IHDR');
  t.is(png.readUInt32BE(16), 3);
  t.is(png.readUInt32BE(20), 2);
  t.is(png[24], 8);
  t.is(png[25], 0);
  // IHDR chunk: 4 length + 4 type + 13 body + 4 crc = 25 bytes after the 8-byte signature.
  const idatLength = png.readUInt32BE(33);
  t.is(png.toString('ascii', 37, 41), 'IDAT');
  t.deepEqual([...inflateSync(png.subarray(41, 41 + idatLength))], [0, 0, 128, 255, 0, 10, 20, 30]);
  t.is(png.toString('ascii', png.length - 8, png.length - 4), 'IEND');
});

test('a 2 × 1 RGB PNG: colour type 2 and scanlines of three bytes a pixel', (t) => {
  const png = encodePng(Uint8Array.from([255, 0, 0, 1, 2, 3]), 2, 1, 3);
  t.is(png.readUInt32BE(16), 2);
  t.is(png.readUInt32BE(20), 1);
  t.is(png[25], 2);
  const idatLength = png.readUInt32BE(33);
  t.deepEqual([...inflateSync(png.subarray(41, 41 + idatLength))], [0, 255, 0, 0, 1, 2, 3]);
});

test('the byte count must match the size', (t) => {
  t.throws(() => encodePng(new Uint8Array(5), 3, 2), { message: /5 bytes for 3 × 2 × 1/ });
  t.throws(() => encodePng(new Uint8Array(5), 2, 1, 3), { message: /5 bytes for 2 × 1 × 3/ });
});
