import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import test from 'ava';
import { trainRun } from './testing/trainRun.js';
import { withSpecDir } from './testing/withSpecDir.js';
import { runIpmgan } from './testing/runIpmgan.js';

const dir = withSpecDir('cli-sample');

const ring = trainRun(
  dir,
  'ring',
  'name: ring\nseed: 3\nobjective: { name: wgan }\ndata: { name: ring8 }\n' +
    'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
    'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
    'training: { iterations: 4 }\nrun: { dir: runs, checkpointEvery: 2 }\n',
);

function rows(file: string): number[][] {
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => l.split(',').map(Number));
}

test('sample writes exactly N rows of 2 finite numbers, reproducibly per seed and checkpoint', (t) => {
  const before = readdirSync(ring, { recursive: true }).sort();
  const out = (name: string): string => join(dir, name);
  t.is(runIpmgan(['sample', ring, '-n', '37', '-o', out('a.csv')], dir).code, 0);
  t.is(runIpmgan(['sample', ring, '-n', '37', '-o', out('b.csv')], dir).code, 0);
  t.is(runIpmgan(['sample', ring, '-n', '37', '-o', out('c.csv'), '--seed', '9'], dir).code, 0);
  const early = runIpmgan(['sample', ring, '-n', '37', '-o', out('d.csv'), '--checkpoint', '2'], dir);
  t.is(early.stdout, `ipmgan: wrote 37 samples of iteration 2 to ${out('d.csv')}\n`);
  const a = rows(out('a.csv'));
  t.is(a.length, 37);
  t.true(a.every((r) => r.length === 2 && r.every(Number.isFinite)));
  t.deepEqual(rows(out('b.csv')), a, 'same run, seed and checkpoint: same samples');
  t.notDeepEqual(rows(out('c.csv')), a, 'another seed: other noise');
  t.notDeepEqual(rows(out('d.csv')), a, 'iteration 2 differs from the latest (4)');
  const unsized = runIpmgan(['sample', ring, '-o', out('e.csv')], dir);
  t.is(unsized.stdout, `ipmgan: wrote 1000 samples of iteration 4 to ${out('e.csv')}\n`, 'without -n: 1000');
  t.is(rows(out('e.csv')).length, 1000);
  t.deepEqual(rows(out('e.csv')).slice(0, 37), a, 'the first 37 of the same noise stream');
  t.deepEqual(readdirSync(ring, { recursive: true }).sort(), before, 'nothing is written into the run');
});

test('sample -o x.npy writes a float32 array of shape (N, 2)', (t) => {
  const file = join(dir, 'x.npy');
  t.is(runIpmgan(['sample', ring, '-n', '5', '-o', file], dir).code, 0);
  const bytes = readFileSync(file);
  const headerLength = bytes.readUInt16LE(8);
  t.regex(bytes.subarray(10, 10 + headerLength).toString('latin1'), /'descr': '<f4'.*'shape': \(5, 2\)/);
  t.is(bytes.length - 10 - headerLength, 5 * 2 * 4);
});

test('sample -o sheet.png draws image samples as a grid', (t) => {
  const mnist = trainRun(
    dir,
    'digits',
    'name: digits\nobjective: { name: wgan }\ndata: { name: mnist, options: { digits: [1], count: 50 } }\n' +
      'generator: { network: { name: mlp, options: { hidden: [4], outputActivation: sigmoid } } }\n' +
      'critic: { network: { name: mlp, options: { hidden: [4] } } }\n' +
      'training: { iterations: 1, batchSize: 4 }\nrun: { dir: runs }\n',
  );
  const file = join(dir, 'sheet.png');
  const { code, stderr } = runIpmgan(['sample', mnist, '-n', '6', '-o', file], dir);
  t.is(code, 0, stderr);
  const png = readFileSync(file);
  t.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // 6 images in 3 columns and 2 rows of 28x28, 2-pixel white margins, drawn twice as large:
  // (3*30+2)*2 by (2*30+2)*2, grey.
  t.is(png.toString('latin1', 12, 16), 'IHDR');
  t.is(png.readUInt32BE(16), 184);
  t.is(png.readUInt32BE(20), 124);
  t.is(png[25], 0);
  const idatLength = png.readUInt32BE(33);
  t.is(png.toString('latin1', 37, 41), 'IDAT');
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  t.is(raw.length, 124 * (184 + 1));
  // Each scanline: a filter byte, then pixels. The margins are white: row 0, and column 0 and 60-63 of row 10.
  const pixel = (x: number, y: number): number => raw[y * 185 + 1 + x] ?? -1;
  t.deepEqual(
    Array.from({ length: 184 }, (_, x) => pixel(x, 0)),
    Array.from({ length: 184 }, () => 255),
  );
  t.deepEqual(
    [0, 3, 60, 61, 62, 63].map((x) => pixel(x, 10)),
    [255, 255, 255, 255, 255, 255],
  );
  t.is(pixel(183, 123), 255);
  const csv = runIpmgan(['sample', mnist, '-n', '6', '-o', 'digits.csv'], dir);
  t.is(
    csv.stderr,
    "ipmgan: -o: digits.csv: CSV holds vectors, this run's data has shape [28, 28, 1]; use .npy or .png\n",
  );
  t.is(csv.code, 2);
});

test('sample: bad inputs are one line naming the problem, exit 2, no file written', (t) => {
  const cases: [string[], string][] = [
    [
      ['-n', '3', '-o', 'v.png'],
      "ipmgan: -o: v.png: a PNG sheet needs image data, this run's data has shape [2]; use .csv or .npy\n",
    ],
    [['-n', '3', '-o', 'v.txt'], 'ipmgan: -o: v.txt: expected a .csv, .npy or .png file name\n'],
    [
      ['-n', '3', '-o', 'v.csv', '--checkpoint', '3'],
      `ipmgan: --checkpoint: ${ring} has no checkpoint at iteration 3; saved: 2, 4\n`,
    ],
    [
      ['-n', '0', '-o', 'v.csv'],
      "ipmgan: option '-n, --count <n>' argument '0' is invalid. -n: expected a positive integer, got \"0\" (run ipmgan --help for usage)\n",
    ],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = runIpmgan(['sample', ring, ...args], dir);
    t.is(`${stderr.split('\n')[0] ?? ''}\n`, message, args.join(' '));
    t.is(stdout, '');
    t.is(code, 2);
  }
  const notRun = runIpmgan(['sample', 'nowhere', '-n', '3', '-o', 'v.csv'], dir);
  t.is(notRun.stderr, `ipmgan: nowhere: not a run directory (no config.resolved.json in ${join(dir, 'nowhere')})\n`);
  t.is(notRun.code, 2);
  const missing = runIpmgan(['sample', ring, '-n', '3'], dir);
  t.is(missing.stderr, "ipmgan: required option '-o, --output <file>' not specified (run ipmgan --help for usage)\n");
  t.is(missing.code, 2);
  t.false(existsSync(join(dir, 'v.csv')) || existsSync(join(dir, 'v.png')));
});
