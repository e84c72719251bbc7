import test from 'ava';
import { medianFilter } from './medianFilter.js';
import { medianWindow } from './medianWindow.js';

test('a window of 3 removes single spikes and keeps the end points', (t) => {
  // i=1: median(1, 100, 2) = 2; i=2: median(100, 2, 3) = 3; i=3: median(2, 3, 50) = 3; i=4: median(3, 50, 4) = 4.
  t.deepEqual(medianFilter([1, 100, 2, 3, 50, 4], 3), [1, 2, 3, 3, 4, 4]);
});

test('a window of 5 shrinks symmetrically near the ends', (t) => {
  // i=1 sees [9, 1, 8]; i=2 sees [9, 1, 8, 2, 7] -> 7; i=3 sees [1, 8, 2, 7, 3] -> 3; i=4 sees [8, 2, 7, 3, 6] -> 6.
  t.deepEqual(medianFilter([9, 1, 8, 2, 7, 3, 6], 5), [9, 8, 7, 3, 6, 6, 6]);
});

test('window 1 is the identity; an even window is refused', (t) => {
  t.deepEqual(medianFilter([3, 1, 2], 1), [3, 1, 2]);
  t.throws(() => medianFilter([1, 2], 2), { message: /positive odd integer, got 2/ });
});

test('the window is about a tenth of the series, odd, between 1 and 51', (t) => {
  t.is(medianWindow(5), 1);
  t.is(medianWindow(20), 3);
  t.is(medianWindow(100), 11);
  t.is(medianWindow(10_000), 51);
});
