// CRC-32C (Castagnoli), reflected polynomial 0x82F63B78, one table lookup per byte.
const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}

/**
 * The CRC-32C of `bytes` (the checksum TFRecord files use; node:zlib's crc32 is the IEEE
 * polynomial, a different code). Check value: crc32c("123456789") = 0xE3069283.
 */
export function crc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
