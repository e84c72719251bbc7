import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'ascii');
  out.set(body, 8);
  // The CRC covers the chunk type and data, not the length.
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/**
 * An 8-bit PNG: `channels` 1 (grey, 0 black to 255 white) or 3 (RGB), `pixels` row-major
 * width × height × channels bytes. Every scanline uses filter 0 (none), enough for sample sheets.
 */
export function encodePng(pixels: Uint8Array, width: number, height: number, channels: 1 | 3 = 1): Buffer {
  const stride = width * channels;
  if (pixels.length !== stride * height) {
    throw new RangeError(
      `encodePng: ${String(pixels.length)} bytes for ${String(width)} × ${String(height)} × ${String(channels)}`,
    );
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 1 ? 0 : 2; // colour type: greyscale or truecolour; bytes 10-12 (compression, filter, interlace) stay 0
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
