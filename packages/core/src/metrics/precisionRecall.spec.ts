import test from 'ava';
import { Rng } from '../random/Rng.js';
import { assertClose } from '../testing/assertClose.js';
import { pointsFromRows } from './pointsFromRows.js';
import { precisionRecall } from './precisionRecall.js';

test('by hand in 1-D with k = 1', (t) => {
  // real {0, 1, 2, 3}: each ball has radius 1 (the nearest other real point).
  // fake {0.5, 10}: fake balls have radius 9.5.
  // precision: 0.5 is within < 1 of 0 (and 1); 10 is in no ball: 1/2.
  // recall: every real point is within < 9.5 of 0.5: 4/4.
  // density: 0.5 lies in 2 real balls (0 and 1), 10 in none: 2 / (1 * 2) = 1.
  // coverage: real points whose nearest fake is closer than 1: 0 and 1 (0.5 away); 2, 3 (1.5, 2.5): 2/4.
  const real = pointsFromRows([[0], [1], [2], [3]]);
  const fake = pointsFromRows([[0.5], [10]]);
  t.deepEqual(precisionRecall(real, fake, 1), { precision: 0.5, recall: 1, density: 1, coverage: 0.5 });
});

test('by hand in 2-D with k = 2: radii are the 2nd neighbour, the boundary is outside', (t) => {
  // real: the corners of the unit square; each corner's 2nd-nearest corner is at distance 1
  // (two neighbours at 1, one at sqrt 2), so each ball has radius 1, open.
  const real = pointsFromRows([
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ]);
  // fake: the centre (0.707 from all four corners), (2, 0) (exactly 1 from (1, 0): outside), (0, 0.5).
  const fake = pointsFromRows([
    [0.5, 0.5],
    [2, 0],
    [0, 0.5],
  ]);
  // precision: centre yes, (2, 0) no (1 is not < 1), (0, 0.5) yes (0.5 from (0,0)): 2/3.
  // density: centre in 4 balls; (0, 0.5): (0,0) 0.5, (0,1) 0.5, (1,0) 1.118, (1,1) 1.118: 2 balls; total 6 / (2 * 3) = 1.
  // coverage: every corner is within < 1 of the centre: 4/4.
  // fake radii (k = 2): centre: distances 1.581 to (2,0), 0.5 to (0,0.5) -> 2nd = 1.581;
  // (2,0): 1.581, 2.062 -> 2.062; (0,0.5): 0.5, 2.062 -> 2.062. Recall: every corner is within
  // 1.581 of the centre (0.707): 4/4.
  const result = precisionRecall(real, fake, 2);
  assertClose(t, result.precision, 2 / 3, 1e-15);
  t.is(result.recall, 1);
  t.is(result.density, 1);
  t.is(result.coverage, 1);
});

test('a generator that collapses to one real point has precision 1 and no recall and little coverage', (t) => {
  const rng = new Rng(2);
  const rows = Array.from({ length: 200 }, () => [rng.normal(), rng.normal()]);
  const real = pointsFromRows(rows);
  const collapsed = pointsFromRows(Array.from({ length: 200 }, () => [rows[0]?.[0] ?? 0, rows[0]?.[1] ?? 0]));
  const r = precisionRecall(real, collapsed, 5);
  t.is(r.precision, 1); // all inside real point 0's ball
  // Recall: the fake balls have radius 0 and hold nothing.
  t.is(r.recall, 0);
  // Coverage: real point i is covered when the cluster (at point 0) is strictly inside its ball,
  // that is when point 0 ranks among i's 4 nearest other points (its 5th sets the radius), and point 0 itself.
  const d2 = (i: number, j: number): number =>
    ((rows[i]?.[0] ?? 0) - (rows[j]?.[0] ?? 0)) ** 2 + ((rows[i]?.[1] ?? 0) - (rows[j]?.[1] ?? 0)) ** 2;
  let reverse = 1;
  for (let i = 1; i < 200; i++) {
    const closer = rows.filter((_, j) => j !== i && j !== 0 && d2(i, j) < d2(i, 0)).length;
    if (closer < 4) reverse++;
  }
  t.is(r.coverage, reverse / 200);
  t.true(reverse > 1 && reverse < 20, String(reverse));
});

test('k must leave neighbours in both sets', (t) => {
  const two = pointsFromRows([[0], [1]]);
  t.throws(() => precisionRecall(two, two, 2), { message: /k = 2 needs more than k points/ });
  t.throws(() => precisionRecall(two, two, 0), { message: /k = 0/ });
});
