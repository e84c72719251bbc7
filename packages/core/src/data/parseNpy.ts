const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

function headerField(header: string, key: string, value: string): string | undefined {
  return new RegExp(`['"]${key}['"]\\s*:\\s*${value}`).exec(header)?.[1];
}

/**
 * Parses a NumPy .npy file (format versions 1.0, 2.0 and 3.0) holding little-endian
 * float32 ('<f4') or float64 ('<f8', converted) values in C order.
 * Returns the shape and the values as float32 in C order. Errors are one line without
 * the file name, for the caller to prefix.
 */
export function parseNpy(bytes: Uint8Array): { shape: number[]; data: Float32Array } {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error('not a .npy file (it does not start with "\\x93NUMPY")');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  let headerLength: number;
  let headerStart: number;
  if (major === 1) {
    headerLength = view.getUint16(8, true);
    headerStart = 10;
  } else if ((major === 2 || major === 3) && bytes.length >= 12) {
    headerLength = view.getUint32(8, true);
    headerStart = 12;
  } else {
    throw new Error(`unsupported .npy format version ${major}.${bytes[7]} (expected 1.0, 2.0 or 3.0)`);
  }
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw new Error('truncated .npy header');
  // Versions 1 and 2 use latin1 headers, version 3 UTF-8; the fields read here are ASCII.
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));

  const descr = headerField(header, 'descr', `['"]([^'"]*)['"]`);
  if (descr !== '<f4' && descr !== '<f8') {
    throw new Error(
      `expected dtype '<f4' (little-endian float32) or '<f8', got ${descr === undefined ? 'an unreadable descr' : `'${descr}'`}`,
    );
  }
  const fortran = headerField(header, 'fortran_order', '(True|False)');
  if (fortran === undefined) throw new Error("the .npy header has no 'fortran_order'");
  if (fortran === 'True') {
    throw new Error('fortran_order is True; save the array in C order (np.ascontiguousarray) instead');
  }
  const shapeText = headerField(header, 'shape', '\\(([^)]*)\\)');
  if (shapeText === undefined) throw new Error("the .npy header has no readable 'shape'");
  const dims = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (dims.some((d) => !/^\d+L?$/.test(d))) throw new Error(`bad shape (${shapeText}) in the .npy header`);
  const shape = dims.map((d) => Number.parseInt(d, 10));

  const count = shape.reduce((a, b) => a * b, 1);
  const itemSize = descr === '<f4' ? 4 : 8;
  const found = bytes.length - dataStart;
  if (found !== count * itemSize) {
    throw new Error(
      `shape [${shape.join(', ')}] of '${descr}' needs ${count * itemSize} data bytes, the file has ${found}`,
    );
  }
  // DataView reads are alignment- and host-endianness-independent.
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const value = itemSize === 4 ? view.getFloat32(dataStart + 4 * i, true) : view.getFloat64(dataStart + 8 * i, true);
    // A finite '<f8' past float32's range would become Infinity here.
    if (Number.isFinite(value) && Math.abs(value) > 3.4028234663852886e38) {
      const width = count / (shape[0] ?? 1);
      throw new Error(
        `row ${String(Math.floor(i / width))}, value ${String(i % width)} of the row: ${String(value)} is outside float32's finite range (|x| <= 3.4028235e38)`,
      );
    }
    data[i] = value;
  }
  return { shape, data };
}
