import test from 'ava';
import { parseNpy } from './parseNpy.js';

/** A .npy file as numpy.save writes it: header padded with spaces to a multiple of 64 bytes. */
function npy(
  shape: readonly number[],
  values: readonly number[],
  { descr = '<f4', fortran = false, version = 1 }: { descr?: string; fortran?: boolean; version?: number } = {},
): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  const dict = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${dims}), }`;
  const prefix = version === 1 ? 10 : 12;
  const padded = dict.padEnd(Math.ceil((prefix + dict.length + 1) / 64) * 64 - prefix - 1, ' ') + '\n';
  const itemSize = descr.endsWith('8') ? 8 : 4;
  const bytes = new Uint8Array(prefix + padded.length + values.length * itemSize);
  const view = new DataView(bytes.buffer);
  bytes.set([0x93, ...Array.from('NUMPY', (c) => c.charCodeAt(0)), version, 0]);
  if (version === 1) view.setUint16(8, padded.length, true);
  else view.setUint32(8, padded.length, true);
  bytes.set(
    Array.from(padded, (c) => c.charCodeAt(0)),
    prefix,
  );
  const little = descr.startsWith('<');
  values.forEach((v, i) => {
    const at = prefix + padded.length + i * itemSize;
    if (itemSize === 4) view.setFloat32(at, v, little);
    else view.setFloat64(at, v, little);
  });
  return bytes;
}

const VALUES = [1.5, -2, 3, 4.25, 0, 0.001];

test('the test writer produces numpy.save bytes (header copied from numpy 2.4 output)', (t) => {
  const bytes = npy([3, 2], VALUES);
  t.is(bytes.length, 128 + 24);
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 128));
  t.is(header, `\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }${' '.repeat(58)}\n`);
});

test('round trip of a v1.0 <f4 file', (t) => {
  const { shape, data } = parseNpy(npy([3, 2], VALUES));
  t.deepEqual(shape, [3, 2]);
  t.deepEqual(Array.from(data), Array.from(Float32Array.from(VALUES)));
});

test('v2.0 and v3.0 headers, 1-D and 4-D shapes', (t) => {
  t.deepEqual(parseNpy(npy([3, 2], VALUES, { version: 2 })).shape, [3, 2]);
  t.deepEqual(parseNpy(npy([3, 2], VALUES, { version: 3 })).shape, [3, 2]);
  t.deepEqual(parseNpy(npy([6], VALUES)).shape, [6]);
  const four = parseNpy(npy([1, 2, 3, 1], VALUES));
  t.deepEqual(four.shape, [1, 2, 3, 1]);
  t.is(four.data.length, 6);
});

test('<f8 is converted to float32', (t) => {
  const { data } = parseNpy(npy([2, 3], [0.1, 0.2, 0.3, 1e10, -7, Math.PI], { descr: '<f8' }));
  t.deepEqual(Array.from(data), Array.from(Float32Array.from([0.1, 0.2, 0.3, 1e10, -7, Math.PI])));
});

test('works on a Uint8Array view at an odd offset (e.g. a Buffer slice)', (t) => {
  const bytes = npy([3, 2], VALUES);
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  t.deepEqual(Array.from(parseNpy(shifted.subarray(1)).data), Array.from(Float32Array.from(VALUES)));
});

test('rejects fortran order, other dtypes, bad magic and wrong sizes with one-line messages', (t) => {
  t.throws(() => parseNpy(npy([3, 2], VALUES, { fortran: true })), {
    message: 'fortran_order is True; save the array in C order (np.ascontiguousarray) instead',
  });
  t.throws(() => parseNpy(npy([3, 2], VALUES, { descr: '>f4' })), {
    message: "expected dtype '<f4' (little-endian float32) or '<f8', got '>f4'",
  });
  t.throws(() => parseNpy(npy([3, 2], VALUES, { descr: '<i4' })), {
    message: "expected dtype '<f4' (little-endian float32) or '<f8', got '<i4'",
  });
  t.throws(() => parseNpy(new TextEncoder().encode('1,2\n3,4\n')), {
    message: 'not a .npy file (it does not start with "\\x93NUMPY")',
  });
  const bytes = npy([3, 2], VALUES);
  t.throws(() => parseNpy(bytes.subarray(0, bytes.length - 4)), {
    message: "shape [3, 2] of '<f4' needs 24 data bytes, the file has 20",
  });
  const v9 = npy([3, 2], VALUES);
  v9[6] = 9;
  t.throws(() => parseNpy(v9), {
    message: 'unsupported .npy format version 9.0 (expected 1.0, 2.0 or 3.0)',
  });
});
