import { crc32c } from './crc32c.js';

/** TFRecord's masked CRC: rotate right by 15 bits and add a constant (tensorflow/core/lib/hash/crc32c.h). */
function masked(bytes: Uint8Array): number {
  const crc = crc32c(bytes);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

/**
 * One TFRecord: uint64 length, uint32 masked CRC-32C of the length's 8 bytes, the data,
 * uint32 masked CRC-32C of the data, all little-endian (the framing of tfevents files).
 */
export function tfRecord(data: Uint8Array): Buffer {
  const out = Buffer.alloc(16 + data.length);
  out.writeBigUInt64LE(BigInt(data.length), 0);
  out.writeUInt32LE(masked(out.subarray(0, 8)), 8);
  out.set(data, 12);
  out.writeUInt32LE(masked(data), 12 + data.length);
  return out;
}
