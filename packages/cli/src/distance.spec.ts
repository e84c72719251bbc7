import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { encodeNpy } from '@ipmgan/core/engine';
import { withSpecDir } from './testing/withSpecDir.js';
import { runIpmgan } from './testing/runIpmgan.js';

const dir = withSpecDir('cli-distance');

// 40 points on a small spiral, and the same points translated by (3, 4): every coupling
// moves mass by at least |(3, 4)| = 5 in mean, and the identity coupling achieves it.
const points = Array.from({ length: 40 }, (_, i) => [Math.cos(i) * (1 + i / 40), Math.sin(i) * (1 + i / 40)]);
const csv = (rows: number[][]): string => rows.map((r) => r.join(',')).join('\n') + '\n';
writeFileSync(join(dir, 'a.csv'), csv(points));
writeFileSync(join(dir, 'b.csv'), csv(points.map(([x = 0, y = 0]) => [x + 3, y + 4])));
writeFileSync(
  join(dir, 'b.npy'),
  encodeNpy(Float32Array.from(points.flatMap(([x = 0, y = 0]) => [x + 3, y + 4])), [40, 2]),
);
writeFileSync(join(dir, 'c.csv'), csv(points.map((p) => [...p, 1])));
writeFileSync(join(dir, 'one.csv'), '0,0\n');
writeFileSync(join(dir, 'two.csv'), '1,0\n3,0\n');
writeFileSync(join(dir, 'p.csv'), '0,0\n2,0\n');
writeFileSync(join(dir, 'q.csv'), '10,0\n12,0\n');

function number(args: string[]): number {
  const { code, stdout, stderr } = runIpmgan(['distance', ...args], dir);
  if (code !== 0) throw new Error(stderr);
  return Number(stdout);
}

test('w1 between a sample and its translate by (3, 4) is 5', (t) => {
  t.true(Math.abs(number(['a.csv', 'b.csv', '--metric', 'w1']) - 5) < 1e-9);
  // float32 .npy against float64 CSV: 5 up to float32 rounding of the translated points.
  t.true(Math.abs(number(['a.csv', 'b.npy']) - 5) < 1e-5);
});

test('w1 with unequal sizes: a point at 0 against {1, 3} moves half its mass 1 and half 3', (t) => {
  t.true(Math.abs(number(['one.csv', 'two.csv']) - 2) < 1e-12);
});

test('sliced-w1 of a translation by v is |v| E|cos| = 5 * 2/pi over random directions in the plane', (t) => {
  const value = number(['a.csv', 'b.csv', '--metric', 'sliced-w1', '--projections', '4096', '--seed', '3']);
  t.true(Math.abs(value - 10 / Math.PI) < 0.1, String(value));
  t.is(
    number(['a.csv', 'b.csv', '--metric', 'sliced-w1', '--seed', '3']),
    number(['a.csv', 'b.csv', '--metric', 'sliced-w1', '--seed', '3']),
  );
});

test('mmd: the unbiased MMD^2 by hand for tiny sets, and small for a far translate at a narrow bandwidth', (t) => {
  // Translated by 5 with s = 0.1 the cross terms vanish; the within terms are 1/(n(n-1)) sum_{i != j} k,
  // nearly 0 for points more than ~0.3 apart, so MMD^2 = within(a) + within(b) >= 0 and small.
  const far = number(['a.csv', 'b.csv', '--metric', 'mmd', '--bandwidth', '0.1']);
  t.true(far > 0 && far < 0.1, String(far));
  // A set against itself: within terms e^-2 each, the cross mean (2 + 2 e^-2) / 4 counts the
  // diagonal k = 1, so MMD^2 = 2 e^-2 - (1 + e^-2) = -(1 - e^-2): the unbiased estimate can be negative.
  const same = number(['p.csv', 'p.csv', '--metric', 'mmd', '--bandwidth', '1']);
  t.true(Math.abs(same + (1 - Math.exp(-2))) < 1e-9, String(same));
  // a = {0, 2}, b = {10, 12} on a line, s = 1: within terms k(0, 2) = e^-2 each, cross terms
  // at distance >= 8 are below e^-32: MMD^2 = 2 e^-2.
  const pair = number(['p.csv', 'q.csv', '--metric', 'mmd', '--bandwidth', '1']);
  t.true(Math.abs(pair - 2 * Math.exp(-2)) < 1e-9, String(pair));
});

test('distance: bad input is one line naming the files, exit 2', (t) => {
  const cases: [string[], string][] = [
    [['a.csv', 'c.csv'], 'ipmgan: distance: a.csv has samples of dimension 2, c.csv of dimension 3\n'],
    [['a.csv', 'b.csv', '--metric', 'w2'], 'ipmgan: --metric: expected one of w1, sliced-w1, mmd, got "w2"\n'],
    [
      ['a.csv', 'absent.csv'],
      `ipmgan: ${join(dir, 'absent.csv')}: cannot read the file (ENOENT: no such file or directory, open '${join(dir, 'absent.csv')}')\n`,
    ],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = runIpmgan(['distance', ...args], dir);
    t.is(stderr, message);
    t.is(stdout, '');
    t.is(code, 2);
  }
  const bandwidth = runIpmgan(['distance', 'a.csv', 'b.csv', '--metric', 'mmd', '--bandwidth', '0'], dir);
  t.regex(bandwidth.stderr, /--bandwidth: expected a positive number, got "0"/);
  t.is(bandwidth.code, 2);
});
