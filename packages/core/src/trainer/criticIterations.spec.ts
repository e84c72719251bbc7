import test from 'ava';
import { criticIterations } from './criticIterations.js';

test('constant schedule is n_critic at every iteration', (t) => {
  const s = { type: 'constant', nCritic: 5 } as const;
  t.deepEqual(
    [0, 1, 499, 500].map((i) => criticIterations(s, i)),
    [5, 5, 5, 5],
  );
});

test("the WGAN authors' schedule: 100 for the first 25 and at every 500th, else 5", (t) => {
  const s = { type: 'wgan-warmup', nCritic: 5, warmupIterations: 25, warmupCritic: 100, every: 500 } as const;
  t.deepEqual(
    [0, 24, 25, 26, 499, 500, 501, 1000].map((i) => criticIterations(s, i)),
    [100, 100, 5, 5, 5, 100, 5, 100],
  );
  // Over the first 1000 generator iterations: 25 + 1 (at 500) warm-up iterations of 100.
  let total = 0;
  for (let i = 0; i < 1000; i++) total += criticIterations(s, i);
  t.is(total, 26 * 100 + (1000 - 26) * 5);
});
