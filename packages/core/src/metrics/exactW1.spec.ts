import { readFileSync } from 'node:fs';
import test from 'ava';
import { Rng } from '../random/Rng.js';
import { assertClose } from '../testing/assertClose.js';
import { exactW1 } from './exactW1.js';
import type { Points } from './Points.js';
import { pointsFromRows } from './pointsFromRows.js';

interface Fixture {
  readonly cases: readonly { name: string; a: number[][]; b: number[][]; w1: number }[];
}

const fixture = JSON.parse(readFileSync(new URL('fixtures/ot-w1.json', import.meta.url), 'utf8')) as Fixture;

function randomPoints(n: number, dim: number, rng: Rng): Points {
  return { n, dim, data: Float64Array.from({ length: n * dim }, () => rng.normal()) };
}

test('agrees with POT ot.emd2 (scripts/ot-w1-fixture.py) to 1e-6 relative on every fixture case', (t) => {
  t.true(fixture.cases.length >= 7);
  for (const c of fixture.cases) {
    const w1 = exactW1(pointsFromRows(c.a), pointsFromRows(c.b));
    const relative = Math.abs(w1 - c.w1) / c.w1;
    t.true(relative <= 1e-6, `${c.name}: ${String(w1)} vs ot.emd2 ${String(c.w1)} (relative ${String(relative)})`);
  }
});

test('1-D sets: W1 is the mean |sorted a - sorted b|', (t) => {
  const a = [3, -1, 0.5, 7];
  const b = [2, 2.5, -4, 0];
  // sorted a: -1 0.5 3 7; sorted b: -4 0 2 2.5 -> |3| + |0.5| + |1| + |4.5| = 9, / 4
  assertClose(t, exactW1(pointsFromRows(a.map((v) => [v])), pointsFromRows(b.map((v) => [v]))), 9 / 4, 1e-12);
});

test('a set against its translate by v is exactly ||v|| away', (t) => {
  const a = randomPoints(40, 3, new Rng(7));
  const v = [0.3, -4, 1.2];
  const b: Points = { ...a, data: a.data.map((x, i) => x + (v[i % 3] ?? 0)) };
  assertClose(t, exactW1(a, b), Math.hypot(...v), 1e-12);
});

test('identical sets are 0 apart, in either order of rows', (t) => {
  const a = randomPoints(30, 2, new Rng(3));
  t.is(exactW1(a, a), 0);
  const rows = Array.from({ length: 30 }, (_, i) => [a.data[2 * i] ?? 0, a.data[2 * i + 1] ?? 0]).reverse();
  t.is(exactW1(a, pointsFromRows(rows)), 0);
});

test('2x2 by hand: the optimal pairing is found even when row order pairs the wrong points', (t) => {
  // a = (0,0), (1,0); b = (1,1), (0,1): straight up costs 1 + 1, crossing costs sqrt2 + sqrt2.
  const a = pointsFromRows([
    [0, 0],
    [1, 0],
  ]);
  const b = pointsFromRows([
    [1, 1],
    [0, 1],
  ]);
  t.is(exactW1(a, b), 1);
  // 1-D a = 0, 3; b = 1, 4: pairings cost 1 + 1 = 2 or 4 + 2 = 6 -> mean 1.
  assertClose(t, exactW1(pointsFromRows([[0], [3]]), pointsFromRows([[1], [4]])), 1, 1e-15);
});

test('unequal sizes by replication: 1 point against 2 is the mean distance; lcm over 4096 throws', (t) => {
  const one = pointsFromRows([[0, 0]]);
  const two = pointsFromRows([
    [3, 4],
    [0, 1],
  ]);
  assertClose(t, exactW1(one, two), (5 + 1) / 2, 1e-15);
  t.throws(() => exactW1(randomPoints(4097, 1, new Rng(1)), randomPoints(2, 1, new Rng(2))), {
    instanceOf: RangeError,
    message: /lcm 8194 > 4096.*slicedW1/,
  });
  t.throws(() => exactW1(pointsFromRows([[0, 0]]), pointsFromRows([[0]])), { instanceOf: RangeError });
});
