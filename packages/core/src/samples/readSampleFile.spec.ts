import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { encodeNpy } from '../runs/encodeNpy.js';
import { tf } from '../tensorflow.js';
import { encodeSamples } from './encodeSamples.js';
import { readSampleFile } from './readSampleFile.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

const dir = mkdtempSync(join(tmpdir(), 'ipmgan-read-samples-'));
test.after.always(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test('reads back what encodeSamples wrote, as CSV and as .npy (images keep their shape)', (t) => {
  const vectors = tf.tensor2d([
    [0.5, -1.25],
    [3, 1e-7],
    [-0.5, 2],
  ]);
  const csv = join(dir, 'vectors.csv');
  writeFileSync(csv, encodeSamples({ shape: vectors.shape, data: vectors.dataSync() as Float32Array }, 'csv'));
  const points = readSampleFile(csv);
  t.deepEqual(points.shape, [3, 2]);
  t.deepEqual(Array.from(points.data), Array.from(vectors.dataSync()));

  const images = tf.tensor4d(
    Float32Array.from({ length: 2 * 2 * 3 }, (_, i) => i / 8),
    [2, 2, 3, 1],
  );
  const npy = join(dir, 'images.npy');
  writeFileSync(npy, encodeSamples({ shape: images.shape, data: images.dataSync() as Float32Array }, 'npy'));
  const read = readSampleFile(npy);
  t.deepEqual(read.shape, [2, 2, 3, 1]);
  t.deepEqual(Array.from(read.data), Array.from(images.dataSync()));
  tf.dispose([vectors, images]);
});

test('a 1-D .npy is n one-dimensional samples; blank CSV lines are skipped', (t) => {
  const read = readSampleFile(file('line.npy', encodeNpy(Float32Array.from([1, 2, 4]), [3])));
  t.deepEqual(read.shape, [3]);
  const csv = readSampleFile(file('blank.csv', '1,2\n\n3,4\n'));
  t.deepEqual(Array.from(csv.data), [1, 2, 3, 4]);
});

test('bad files: ConfigError naming the file and what was expected', (t) => {
  const cases: [string, RegExp][] = [
    [file('ragged.csv', '1,2\n3\n'), /ragged\.csv: line 2: expected 2 numbers like line 1, got 1/],
    [file('words.csv', 'x,y\n1,2\n'), /words\.csv: line 1: expected finite numbers separated by commas, got "x,y"/],
    [file('nan.csv', '1,NaN\n'), /nan\.csv: line 1: expected finite numbers/],
    [file('empty.csv', '\n'), /empty\.csv: the file is empty/],
    [file('text.npy', 'not numpy'), /text\.npy: not a \.npy file/],
    [file('inf.npy', encodeNpy(Float32Array.from([1, Infinity]), [2, 1])), /inf\.npy: sample 1 contains Infinity/],
    [file('none.npy', encodeNpy(new Float32Array(0), [0, 2])), /none\.npy: expected a non-empty array/],
    [file('samples.txt', '1,2\n'), /samples\.txt: expected a \.csv or \.npy sample file/],
    [join(dir, 'missing.csv'), /missing\.csv: cannot read the file/],
  ];
  for (const [path, message] of cases) t.throws(() => readSampleFile(path), { instanceOf: ConfigError, message });
});
