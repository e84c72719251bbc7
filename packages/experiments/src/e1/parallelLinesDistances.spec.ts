import test from 'ava';
import { parallelLinesDistances } from './parallelLinesDistances.js';

test('Example 1 closed forms: W = |theta|; JS = log 2, TV = 1, KL = inf off 0; all 0 at theta = 0', (t) => {
  t.deepEqual(parallelLinesDistances(0), { theta: 0, w: 0, js: 0, tv: 0, kl: 0 });
  t.deepEqual(parallelLinesDistances(-0.5), { theta: -0.5, w: 0.5, js: Math.log(2), tv: 1, kl: Infinity });
  t.deepEqual(parallelLinesDistances(1e-9), { theta: 1e-9, w: 1e-9, js: Math.log(2), tv: 1, kl: Infinity });
  t.is(parallelLinesDistances(0.75).w, 0.75);
});
