import test from 'ava';
import { countOf } from './countOf.js';

test('countOf: singular for exactly one', (t) => {
  t.is(countOf(1, 'claim'), '1 claim');
  t.is(countOf(0, 'run'), '0 runs');
  t.is(countOf(2, 'run'), '2 runs');
});
