import test from 'ava';
import { Rng } from '../random/Rng.js';
import { assertClose } from '../testing/assertClose.js';
import { exactW1 } from './exactW1.js';
import type { Points } from './Points.js';
import { pointsFromRows } from './pointsFromRows.js';
import { slicedW1 } from './slicedW1.js';

const line = (values: number[]): Points => pointsFromRows(values.map((v) => [v]));

function randomPoints(n: number, dim: number, rng: Rng): Points {
  return { n, dim, data: Float64Array.from({ length: n * dim }, () => rng.normal()) };
}

test('1-D data: every direction is +1 or -1, so the value is exactly the 1-D W1', (t) => {
  // sorted a: -1 0.5 3 7; sorted b: -4 0 2 2.5 -> (3 + 0.5 + 1 + 4.5) / 4
  const a = line([3, -1, 0.5, 7]);
  const b = line([2, 2.5, -4, 0]);
  assertClose(t, slicedW1(a, b, { projections: 9, rng: new Rng(1) }), 9 / 4, 1e-12);
  assertClose(t, slicedW1(a, b, { projections: 1, rng: new Rng(2) }), 9 / 4, 1e-12);
});

test('unequal 1-D sizes: quantile functions; 0 vs {0, 2} is 1, and it matches exactW1', (t) => {
  assertClose(t, slicedW1(line([0]), line([0, 2]), { projections: 3, rng: new Rng(1) }), 1, 1e-15);
  const rng = new Rng(5);
  const a = line(Array.from({ length: 6 }, () => rng.normal()));
  const b = line(Array.from({ length: 9 }, () => 2 * rng.normal() + 1));
  assertClose(t, slicedW1(a, b, { projections: 2, rng: new Rng(3) }), exactW1(a, b), 1e-12);
});

test('a 2-D set against its translate by v: E|<u, v>| = 2 ||v|| / pi', (t) => {
  const a = randomPoints(16, 2, new Rng(11));
  const v = [3, -4]; // ||v|| = 5
  const b: Points = { ...a, data: a.data.map((x, i) => x + (v[i % 2] ?? 0)) };
  const projections = 4000;
  const value = slicedW1(a, b, { projections, rng: new Rng(12) });
  // |<u, v>| = 5 |cos theta|: mean 2/pi, variance 1/2 - 4/pi^2 per direction -> 4 standard errors.
  const tolerance = (4 * 5 * Math.sqrt(0.5 - 4 / Math.PI ** 2)) / Math.sqrt(projections);
  assertClose(t, value, (2 * 5) / Math.PI, tolerance);
});

test('seeded: the same seed gives the identical value; it never exceeds the exact W1', (t) => {
  const a = randomPoints(50, 3, new Rng(1));
  const b = randomPoints(50, 3, new Rng(2));
  const first = slicedW1(a, b, { projections: 64, rng: new Rng(9) });
  t.is(slicedW1(a, b, { projections: 64, rng: new Rng(9) }), first);
  t.not(slicedW1(a, b, { projections: 64, rng: new Rng(10) }), first);
  t.true(first > 0 && first <= exactW1(a, b), `${String(first)} vs ${String(exactW1(a, b))}`);
  t.throws(() => slicedW1(a, b, { projections: 0, rng: new Rng(1) }), { instanceOf: RangeError });
});
