import test from 'ava';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E8ConfigSchema } from './E8ConfigSchema.js';
import { e8 } from './e8.js';
import { SMALL_RING } from '../SMALL_RING.spec.helper.js';
import { runLeakFree } from '../runLeakFree.spec.helper.js';
import { withSpecDir } from '../withSpecDir.spec.helper.js';

const dir = withSpecDir('e8');

// A small E8: ring8, 2x16 nets, 12 iterations with the critic on RMSProp and on Adam (beta1 0.9).
const config = E8ConfigSchema.parse({
  ...SMALL_RING,
  lr: 1e-3,
  variants: [
    { label: 'rmsprop', optimizer: { name: 'rmsprop' } },
    { label: 'adam-beta1-0.9', optimizer: { name: 'adam', beta1: 0.9 } },
  ],
  iterations: 12,
  recordEvery: 6,
});

test("small E8: one cosine per critic step; RMSProp's step never points against the gradient, Adam's first step follows it", async (t) => {
  const out = join(dir, 'e8');
  const { results, claims } = await runLeakFree(t, e8, config, out, { render: null });
  const [rmsprop, adam] = results.runs;
  // WGAN's schedule: 5 critic steps per generator iteration, 12 iterations.
  t.is(rmsprop?.cosines.length, 60);
  t.is(adam?.cosines.length, 60);
  t.is(rmsprop?.estimates.length, 12);
  // RMSProp (no momentum) rescales -g by a positive factor per weight: cos > 0 at every step.
  t.true(
    rmsprop?.cosines.every((c) => c.cosine > 0 && c.cosine <= 1 + 1e-6),
    JSON.stringify(rmsprop?.cosines.slice(0, 5)),
  );
  t.is(rmsprop?.negativeShare, 0);
  // Adam's first step is -lr m_hat / (sqrt(v_hat) + eps) with m_hat = g, v_hat = g^2: -lr sign(g), cos = |g|_1 / (sqrt(n) |g|_2) > 0.
  t.true((adam?.cosines[0]?.cosine ?? 0) > 0 && (adam?.cosines[0]?.cosine ?? 2) <= 1 + 1e-6);
  t.deepEqual(
    results.runs.map((r) => r.w1.map((p) => p.iteration)),
    [
      [6, 12],
      [6, 12],
    ],
  );
  t.deepEqual(
    claims.map((c) => c.id),
    ['adam-unstable', 'rmsprop-step-follows-gradient', 'negative-cosine-at-blow-ups', 'rmsprop-no-worse'],
  );
  t.true(claims[1]?.held);
  for (const file of ['report.md', 'report.html', 'results.json', 'figures/e8-momentum.vl.json'])
    t.true(existsSync(join(out, file)), file);
});
