import test from 'ava';
import { medianDistance } from './medianDistance.js';

test('an odd count: the root of the middle squared distance, whatever the order', (t) => {
  // Sorted: 1, 4, 16 -> sqrt(4) = 2.
  t.is(medianDistance(Float64Array.from([16, 1, 4])), 2);
});

test('an even count: the mean of the two middle roots, not the root of their mean', (t) => {
  // Sorted: 1, 4, 16, 25 -> (sqrt 4 + sqrt 16) / 2 = 3 (sqrt((4 + 16) / 2) would be 3.162...).
  t.is(medianDistance(Float32Array.from([25, 4, 1, 16])), 3);
});

test('it sorts the array in place', (t) => {
  const squared = Float64Array.from([9, 1, 4]);
  medianDistance(squared);
  t.deepEqual([...squared], [1, 4, 9]);
});
