import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { DataSource } from '../contracts/DataSource.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { npyFile } from './npyFile.js';
import { npyBytes } from '../testing/npyBytes.js';

let dir = '';

test.before(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'ipmgan-npy-'));
});

test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function load(name: string, bytes: Uint8Array): Promise<DataSource> {
  await writeFile(join(dir, name), bytes);
  return npyFile.create(npyFile.optionsSchema.parse({ path: name }), { baseDir: dir });
}

function draw(source: DataSource, n: number, seed: number): tf.Tensor {
  return source.sample(n, new Rng(seed));
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

test('options: path is required', (t) => {
  t.deepEqual(npyFile.optionsSchema.parse({ path: 'x.npy' }), { path: 'x.npy' });
  t.throws(() => npyFile.optionsSchema.parse({}));
  t.is(npyFile.id, 'npy');
});

test('[N, d]: round trip, every row drawn, uniformly with replacement', async (t) => {
  const rows = [
    [1.5, -2],
    [3, 4.25],
    [0, 0.5],
    [-1, -1],
  ];
  const source = await load('points.npy', npyBytes([4, 2], rows.flat()));
  t.deepEqual(source.shape, [2]);
  t.regex(source.definition, /over the 4 rows \(shape \[2\]\) of points\.npy/);
  const out = draw(source, 8000, 1);
  t.deepEqual(out.shape, [8000, 2]);
  t.is(out.dtype, 'float32');
  const drawn = out.arraySync() as number[][];
  out.dispose();
  const counts = new Map<string, number>();
  for (const r of drawn) counts.set(r.join(' '), (counts.get(r.join(' ')) ?? 0) + 1);
  t.deepEqual([...counts.keys()].sort(), rows.map((r) => r.join(' ')).sort());
  // 25% each; the binomial standard error at n = 8,000 is 0.5%.
  for (const c of counts.values()) t.true(Math.abs(c / 8000 - 0.25) < 0.025, `share ${c / 8000}`);
});

test('[N, h, w] gains a channel axis; [N, h, w, c] is kept', async (t) => {
  const grey = await load('grey.npy', npyBytes([2, 3, 4], range(24)));
  t.deepEqual(grey.shape, [3, 4, 1]);
  const one = draw(grey, 1, 5);
  t.deepEqual(one.shape, [1, 3, 4, 1]);
  const first = one.dataSync()[0];
  t.true(first === 0 || first === 12);
  t.deepEqual(
    Array.from(one.dataSync()),
    range(12).map((v) => v + (first ?? 0)),
  );
  one.dispose();
  const rgb = await load('rgb.npy', npyBytes([2, 2, 2, 3], range(24)));
  t.deepEqual(rgb.shape, [2, 2, 3]);
});

test('errors name the file and say what was expected', async (t) => {
  await t.throwsAsync(load('fortran.npy', npyBytes([3, 2], range(6), { fortran: true })), {
    message:
      'data.options.path: fortran.npy: fortran_order is True; save the array in C order (np.ascontiguousarray) instead',
  });
  await t.throwsAsync(load('flat.npy', npyBytes([6], range(6))), {
    message: 'data.options.path: flat.npy: expected shape [N, d], [N, h, w] or [N, h, w, c], got [6]',
  });
  await t.throwsAsync(load('empty.npy', npyBytes([0, 2], [])), {
    message: 'data.options.path: empty.npy: no data: shape [0, 2]',
  });
  await t.throwsAsync(load('nan.npy', npyBytes([3, 2], [0, 1, 2, 3, NaN, 5])), {
    message: 'data.options.path: nan.npy: row 2 contains NaN (expected finite numbers)',
  });
  await t.throwsAsync(load('text.npy', new TextEncoder().encode('1,2\n')), {
    message: 'data.options.path: text.npy: not a .npy file (it does not start with "\\x93NUMPY")',
  });
  await t.throwsAsync(async () => npyFile.create({ path: 'missing.npy' }, { baseDir: dir }), {
    message: /^data\.options\.path: missing\.npy: cannot read the file \(ENOENT[^\n]*\)$/,
  });
});

test("a '<f8' value past float32 names the file, the row and the value's place in it", async (t) => {
  await t.throwsAsync(load('big.npy', npyBytes([3, 2], [0, 1, 2, 3, 4, 1e39], { descr: '<f8' })), {
    message:
      "data.options.path: big.npy: row 2, value 1 of the row: 1e+39 is outside float32's finite range (|x| <= 3.4028235e38)",
  });
});
