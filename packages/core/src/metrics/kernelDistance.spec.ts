import test from 'ava';
import { Rng } from '../random/Rng.js';
import { assertClose } from '../testing/assertClose.js';
import { kernelDistance } from './kernelDistance.js';
import { pointsFromRows } from './pointsFromRows.js';

test('by hand, 2 points each in 1-D: k(x, y) = (xy + 1)^3', (t) => {
  // a = {0, 1}, b = {0, 2}: within a k(0,1) = 1, within b k(0,2) = 1;
  // cross k(0,0) + k(0,2) + k(1,0) + k(1,2) = 1 + 1 + 1 + 27 = 30: 1 + 1 - 2 * 30 / 4 = -13
  assertClose(t, kernelDistance(pointsFromRows([[0], [1]]), pointsFromRows([[0], [2]])), -13, 1e-12);
});

test('by hand in 2-D: the dot product is divided by the dimension', (t) => {
  // a = {(1,1), (1,-1)}, b = {(0,0), (2,0)}, d = 2, k = (x.y / 2 + 1)^3:
  // within a: x.y = 0 -> 1; within b: 0 -> 1; cross: (1,1).(0,0) = 0 -> 1, (1,1).(2,0) = 2 -> 8,
  // (1,-1).(0,0) -> 1, (1,-1).(2,0) = 2 -> 8: 1 + 1 - 2 * 18 / 4 = -7
  const a = pointsFromRows([
    [1, 1],
    [1, -1],
  ]);
  const b = pointsFromRows([
    [0, 0],
    [2, 0],
  ]);
  assertClose(t, kernelDistance(a, b), -7, 1e-12);
  assertClose(t, kernelDistance(b, a), -7, 1e-12);
});

test('the population value for N(0, I) against N((1, 0), I) in 2-D: 4.625', (t) => {
  // With s = x.y / 2 and k = s^3 + 3 s^2 + 3 s + 1: x, x' ~ N(0, I): E s^2 = d / 4 = 0.5, odd
  // moments 0, E k = 2.5. y, y' ~ N(mu, I), |mu|^2 = 1: E y.y' = 1, E (y.y')^2 = 1 + 2 + 2 = 5,
  // E (y.y')^3 = 1 + 3 * 4 + 6 = 19, so E k = 19/8 + 3 * 5/4 + 3/2 + 1 = 8.625. Cross: E x.y = 0,
  // E (x.y)^2 = 1 + 2 = 3, odd moments 0, E k = 3 * 3/4 + 1 = 3.25. MMD^2 = 2.5 + 8.625 - 6.5.
  const rng = new Rng(4);
  const sample = (shift: number): number[][] =>
    Array.from({ length: 2000 }, () => [rng.normal() + shift, rng.normal()]);
  // Standard deviations over seeds at n = 2000 (numpy, 200 draws): 0.25 shifted, 0.007 same.
  assertClose(t, kernelDistance(pointsFromRows(sample(0)), pointsFromRows(sample(1))), 4.625, 1);
  assertClose(t, kernelDistance(pointsFromRows(sample(0)), pointsFromRows(sample(0))), 0, 0.03);
});

test('needs 2+ points per set and equal dimensions', (t) => {
  t.throws(() => kernelDistance(pointsFromRows([[0]]), pointsFromRows([[0], [1]])), { message: /2\+ points/ });
  t.throws(
    () =>
      kernelDistance(
        pointsFromRows([[0], [1]]),
        pointsFromRows([
          [0, 1],
          [1, 1],
        ]),
      ),
    { message: /dimensions/ },
  );
});
