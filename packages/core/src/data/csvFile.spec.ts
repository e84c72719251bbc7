import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { DataSource } from '../contracts/DataSource.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { csvFile } from './csvFile.js';

let dir = '';

test.before(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'ipmgan-csv-'));
});

test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function load(name: string, content: string, options: object = {}): Promise<DataSource> {
  await writeFile(join(dir, name), content);
  return csvFile.create(csvFile.optionsSchema.parse({ path: name, ...options }), { baseDir: dir });
}

function rowsOf(source: DataSource, n: number, seed: number): number[][] {
  const t = source.sample(n, new Rng(seed));
  const values = t.arraySync() as number[][];
  t.dispose();
  return values;
}

test('options: path is required, header auto and delimiter "," by default', (t) => {
  t.deepEqual(csvFile.optionsSchema.parse({ path: 'a.csv' }), {
    path: 'a.csv',
    header: 'auto',
    delimiter: ',',
  });
  t.throws(() => csvFile.optionsSchema.parse({}));
  t.is(csvFile.id, 'csv');
});

test('parses rows relative to baseDir, skipping a header line (auto), CRLF and blank lines', async (t) => {
  const source = await load('good.csv', 'x,y\r\n1,2\r\n\r\n-3.5, 4e-1\r\n.5,+6\r\n');
  t.deepEqual(source.shape, [2]);
  t.regex(source.definition, /over the 3 rows \(2 columns\) of good\.csv/);
  const seen = new Set(rowsOf(source, 300, 1).map((r) => r.join(' ')));
  t.deepEqual([...seen].sort(), ['-3.5 0.4000000059604645', '0.5 6', '1 2'].sort());
});

test('auto keeps a numeric first line; header true always skips it', async (t) => {
  const auto = await load('nohead.csv', '1,2\n3,4\n');
  t.deepEqual(new Set(rowsOf(auto, 200, 1).map((r) => r.join(' '))), new Set(['1 2', '3 4']));
  const skipped = await load('forced.csv', '1,2\n3,4\n', { header: true });
  t.deepEqual(new Set(rowsOf(skipped, 50, 1).map((r) => r.join(' '))), new Set(['3 4']));
});

test('custom delimiter and one column', async (t) => {
  const source = await load('semi.csv', 'a;b;c\n1;2;3\n', { delimiter: ';' });
  t.deepEqual(rowsOf(source, 2, 1), [
    [1, 2, 3],
    [1, 2, 3],
  ]);
  t.deepEqual((await load('one.csv', '5\n6\n')).shape, [1]);
});

test('draws rows uniformly with replacement, reproducibly', async (t) => {
  const source = await load('four.csv', '0,0\n1,1\n2,2\n3,3\n');
  const rows = rowsOf(source, 8000, 3);
  const counts = [0, 0, 0, 0];
  for (const r of rows) counts[r[0] ?? 0] = (counts[r[0] ?? 0] ?? 0) + 1;
  // 25% each; the binomial standard error at n = 8,000 is 0.5%.
  for (const c of counts) t.true(Math.abs(c / 8000 - 0.25) < 0.025, `share ${c / 8000}`);
  t.deepEqual(rowsOf(source, 100, 9), rowsOf(source, 100, 9));
  t.notDeepEqual(rowsOf(source, 100, 9), rowsOf(source, 100, 10));
});

test('a bad cell names the file, the line and what was expected', async (t) => {
  await t.throwsAsync(load('points.csv', 'x,y\n1,2\n3,4\n5,6\n\n7,8\n1.0,abc\n9,9\n'), {
    message: 'data.options.path: points.csv line 7: expected 2 numbers, got "1.0,abc"',
  });
});

test('ragged rows are rejected with the first offending line', async (t) => {
  await t.throwsAsync(load('ragged.csv', '1,2\n3,4,5\n'), {
    message: 'data.options.path: ragged.csv line 2: expected 2 numbers, got "3,4,5"',
  });
  await t.throwsAsync(load('short.csv', '1,2,3\n4\n'), {
    message: 'data.options.path: short.csv line 2: expected 3 numbers, got "4"',
  });
  await t.throwsAsync(load('emptycell.csv', '1,2\n3,\n'), {
    message: 'data.options.path: emptycell.csv line 2: expected 2 numbers, got "3,"',
  });
});

test('header false reports a text first line', async (t) => {
  await t.throwsAsync(load('text.csv', 'x,y\n1,2\n', { header: false }), {
    message: 'data.options.path: text.csv line 1: expected numbers separated by ",", got "x,y"',
  });
});

test('empty file, header only and missing file give clear errors', async (t) => {
  await t.throwsAsync(load('empty.csv', ''), {
    message: 'data.options.path: empty.csv: the file is empty (expected one numeric vector per line)',
  });
  await t.throwsAsync(load('blank.csv', '\n \n'), {
    message: 'data.options.path: blank.csv: the file is empty (expected one numeric vector per line)',
  });
  await t.throwsAsync(load('head.csv', 'x,y\n'), {
    message: 'data.options.path: head.csv: no data rows after the header line',
  });
  await t.throwsAsync(
    async () => csvFile.create(csvFile.optionsSchema.parse({ path: 'missing.csv' }), { baseDir: dir }),
    {
      message: /^data\.options\.path: missing\.csv: cannot read the file \(ENOENT[^\n]*\)$/,
    },
  );
});

test('a value past float32 (1e39) names the file, line and column; 3.4e38 still loads', async (t) => {
  await t.throwsAsync(load('big.csv', '1,2\n3,4\n5,-1e39\n'), {
    message:
      "data.options.path: big.csv line 3 column 2: -1e39 is outside float32's finite range (|x| <= 3.4028235e38)",
  });
  const edge = await load('edge.csv', '3.4e38,1\n');
  t.deepEqual(rowsOf(edge, 1, 0), [[Math.fround(3.4e38), 1]]);
});
