import test from 'ava';
import { assertClose } from './assertClose.js';

/** Records what assertClose asked for instead of failing the test. */
function probe(actual: number, expected: number, tolerance?: number): boolean {
  let passed = false;
  assertClose({ true: (v: boolean) => (passed = v) }, actual, expected, tolerance);
  return passed;
}

test('passes inside the band on both sides and fails outside it on both sides', (t) => {
  t.true(probe(1 + 5e-7, 1));
  t.true(probe(1 - 5e-7, 1));
  t.false(probe(1 + 2e-6, 1));
  t.false(probe(1 - 2e-6, 1));
  t.true(probe(0.55, 0.5, 0.1));
  t.false(probe(0.35, 0.5, 0.1));
});

test('NaN never passes', (t) => {
  t.false(probe(Number.NaN, 0, Number.POSITIVE_INFINITY));
});
