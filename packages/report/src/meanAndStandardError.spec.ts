import test from 'ava';
import { meanAndStandardError } from './meanAndStandardError.js';

test('mean and standard error of 2, 4, 9', (t) => {
  // mean 5; squared deviations 9 + 1 + 16 = 26; sd^2 = 26 / 2 = 13; se = sqrt(13 / 3).
  const result = meanAndStandardError([2, 4, 9]);
  t.is(result?.mean, 5);
  t.true(Math.abs((result?.se ?? 0) - Math.sqrt(13 / 3)) < 1e-12);
  t.is(result?.n, 3);
});

test('one value has no standard error; non-finite values are left out; none gives null', (t) => {
  t.deepEqual(meanAndStandardError([0.25]), { mean: 0.25, se: null, n: 1 });
  t.deepEqual(meanAndStandardError([1, Number.NaN, 3]), { mean: 2, se: 1, n: 2 });
  t.is(meanAndStandardError([Number.NaN]), null);
  t.is(meanAndStandardError([]), null);
});
