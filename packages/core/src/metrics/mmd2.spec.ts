import test from 'ava';
import { Rng } from '../random/Rng.js';
import { assertClose } from '../testing/assertClose.js';
import { mmd2 } from './mmd2.js';
import type { Points } from './Points.js';
import { pointsFromRows } from './pointsFromRows.js';

function gaussian(n: number, shift: number, rng: Rng): Points {
  // N((shift, 0), I_2)
  return { n, dim: 2, data: Float64Array.from({ length: 2 * n }, (_, i) => rng.normal() + (i % 2 === 0 ? shift : 0)) };
}

test('by hand, 2 points each: k(a1,a2) + k(b1,b2) - (1/2) sum k(a_i, b_j)', (t) => {
  // a = {0, 1}, b = {0, 2}, s = 1, k(d) = exp(-d^2/2):
  // e^-1/2 + e^-2 - (1 + e^-2 + 2 e^-1/2)/2 = e^-2/2 - 1/2
  const a = pointsFromRows([[0], [1]]);
  const b = pointsFromRows([[0], [2]]);
  assertClose(t, mmd2(a, b, [1]), Math.exp(-2) / 2 - 0.5, 1e-15);
  // A mixture adds the terms of each bandwidth: s = 2 gives k(d) = exp(-d^2/8).
  const s2 = Math.exp(-1 / 8) + Math.exp(-1 / 2) - (1 + Math.exp(-1 / 2) + 2 * Math.exp(-1 / 8)) / 2;
  assertClose(t, mmd2(a, b, [1, 2]), Math.exp(-2) / 2 - 0.5 + s2, 1e-15);
});

test('symmetric in its arguments', (t) => {
  const rng = new Rng(4);
  const a = gaussian(30, 0, rng);
  const b = gaussian(45, 1, rng);
  assertClose(t, mmd2(a, b, [0.5, 2]), mmd2(b, a, [0.5, 2]), 1e-12);
});

test('same distribution: ~0 (unbiased); shifted by 1: the closed form 2c(1 - exp(-1/(2(s^2 + 2))))', (t) => {
  const rng = new Rng(21);
  // Standard deviation over seeds at n = 200 is about 0.0026 (measured): 0.012 is ~4.5 of them.
  assertClose(t, mmd2(gaussian(200, 0, rng), gaussian(200, 0, rng), [1]), 0, 0.012);
  // N(0, I_2) vs N((1, 0), I_2), s = 1: E k(x, x') = (s^2 / (s^2 + 2))^(d/2) = c = 1/3, and the
  // cross term is c exp(-|delta|^2 / (2 (s^2 + 2))); MMD^2 = 2c(1 - e^(-1/6)) = 0.10236.
  // One estimate at n = 200 has standard deviation about 0.019 (measured over 40 seeds):
  // the mean of 10 has about 0.006, so 0.025 is ~4 of them.
  const expected = (2 / 3) * (1 - Math.exp(-1 / 6));
  let sum = 0;
  for (let r = 0; r < 10; r++) sum += mmd2(gaussian(200, 0, rng), gaussian(200, 1, rng), [1]);
  assertClose(t, sum / 10, expected, 0.025);
});

test('bad input throws RangeError', (t) => {
  const a = pointsFromRows([[0], [1]]);
  t.throws(() => mmd2(a, pointsFromRows([[0]]), [1]), { instanceOf: RangeError });
  t.throws(() => mmd2(a, a, []), { instanceOf: RangeError });
  t.throws(() => mmd2(a, a, [0]), { instanceOf: RangeError });
});
