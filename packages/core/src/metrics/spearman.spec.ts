import test from 'ava';
import { spearman } from './spearman.js';

test('a monotone increasing relation gives exactly 1, a decreasing one -1', (t) => {
  t.is(spearman([1, 2, 3, 4], [10, 20, 1000, 1001]), 1);
  t.is(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1);
});

test('hand-computed value without ties: d = [0, 2, -1, -1], rho = 1 - 6*6/(4*15) = 0.4', (t) => {
  // ranks x: 1 2 3 4; ranks y: 1 4 2 3 -> d^2 sum = 0 + 4 + 1 + 1 = 6
  const rho = spearman([1, 2, 3, 4], [0.1, 0.9, 0.3, 0.5]);
  t.true(Math.abs(rho - 0.4) < 1e-12, String(rho));
});

test('ties take mean ranks: x = [1,1,2], y = [1,2,3] gives 0.8660254', (t) => {
  // ranks x: 1.5 1.5 3; ranks y: 1 2 3 -> pearson = 1.5 / sqrt(1.5 * 2)
  const rho = spearman([1, 1, 2], [1, 2, 3]);
  t.true(Math.abs(rho - 1.5 / Math.sqrt(3)) < 1e-12, String(rho));
});

test('constant series and non-finite pairs', (t) => {
  t.true(Number.isNaN(spearman([1, 1, 1], [1, 2, 3])));
  t.is(spearman([1, Number.NaN, 2, 3], [5, 0, 6, 7]), 1);
  t.throws(() => spearman([1], [1, 2]), { instanceOf: RangeError });
});
