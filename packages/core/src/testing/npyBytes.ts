/**
 * .npy v1.0 bytes in numpy.save's layout with any descr and order, for tests of the readers:
 * '<f4' (default) and '<f8' write the values, any other descr ('<i4', ...) writes them as
 * float32 bytes under that header, and `fortran` only sets the header flag. Files the
 * readers must refuse are made this way; parseNpy.spec.ts checks the layout against numpy.
 */
export function npyBytes(
  shape: readonly number[],
  values: readonly number[],
  { descr = '<f4', fortran = false }: { readonly descr?: string; readonly fortran?: boolean } = {},
): Uint8Array {
  const dims = shape.length === 1 ? `${String(shape[0])},` : shape.join(', ');
  const size = descr === '<f8' ? 8 : 4;
  const dict = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${dims}), }`;
  const padded = dict.padEnd(Math.ceil((11 + dict.length) / 64) * 64 - 11, ' ') + '\n';
  const bytes = new Uint8Array(10 + padded.length + size * values.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  view.setUint16(8, padded.length, true);
  bytes.set(
    Array.from(padded, (c) => c.charCodeAt(0)),
    10,
  );
  values.forEach((v, i) => {
    if (size === 8) view.setFloat64(10 + padded.length + 8 * i, v, true);
    else view.setFloat32(10 + padded.length + 4 * i, v, true);
  });
  return bytes;
}
