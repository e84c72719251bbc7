import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E6ConfigSchema } from './E6ConfigSchema.js';
import { e6 } from './e6.js';
import { SMALL_RING } from '../SMALL_RING.spec.helper.js';
import { runLeakFree } from '../runLeakFree.spec.helper.js';
import { withSpecDir } from '../withSpecDir.spec.helper.js';

const dir = withSpecDir('e6');

// A small E6: ring8, 2x16 generator, 3x16 critic, 20 iterations at c = 0.01 and 0.1, and WGAN-GP
// (installed in this workspace) beside them.
const config = E6ConfigSchema.parse({
  ...SMALL_RING,
  criticNetwork: { name: 'mlp', options: { hidden: [16, 16, 16] } },
  clips: [0.01, 0.1],
  iterations: 20,
  recordEvery: 10,
});

test('small E6: a measurement every 10 iterations per c and for WGAN-GP, one gradient norm per weight matrix, weights within the clip', async (t) => {
  const out = join(dir, 'e6');
  const { results, claims } = await runLeakFree(t, e6, config, out, { render: null });
  t.deepEqual(
    results.runs.map((r) => [r.clip, r.label, r.points.map((p) => p.iteration)]),
    [
      [0.01, 'c = 0.01', [10, 20]],
      [0.1, 'c = 0.1', [10, 20]],
    ],
  );
  const penalty = results.penalty;
  if (!penalty) return t.fail('@ipmgan/gradient-penalty is installed in the workspace: the WGAN-GP run is expected');
  t.deepEqual(
    [penalty.clip, penalty.label, penalty.points.map((p) => p.iteration)],
    [null, 'wgan-gp (lambda 10)', [10, 20]],
  );
  for (const p of penalty.points) {
    // The same four weight matrices, measured on the same WGAN critic loss; no clipping bound.
    t.is(p.layerGradients.length, 4);
    t.true(
      p.layerGradients.every((g) => Number.isFinite(g) && g > 0),
      JSON.stringify(p),
    );
    t.true(Number.isNaN(p.atBound));
  }
  // Seeded pins (this spec's config, wasm): the penalty pulls the fresh critic's small K up
  // towards 1 (0.0645 -> 0.0713) while the generator's W1 falls (1.365 -> 1.303).
  const [first, second] = penalty.points;
  assertClose(t, first?.lipschitz ?? Number.NaN, 0.0645, 2e-3);
  assertClose(t, second?.lipschitz ?? Number.NaN, 0.0713, 2e-3);
  assertClose(t, first?.w1 ?? Number.NaN, 1.365, 0.01);
  assertClose(t, second?.w1 ?? Number.NaN, 1.303, 0.01);
  for (const run of results.runs)
    for (const p of run.points) {
      // 3 hidden layers and the output: 4 weight matrices, each with a finite gradient.
      t.is(p.layerGradients.length, 4);
      t.true(
        p.layerGradients.every((g) => Number.isFinite(g) && g >= 0),
        JSON.stringify(p),
      );
      // Clipping makes |w| <= c: K of the 2 -> 16 -> 16 -> 16 -> 1 critic is at most the product of
      // its layers' largest operator norms, sqrt(m n) c each: (sqrt(32) sqrt(256)^2 sqrt(16)) c^4.
      t.true(
        p.lipschitz >= 0 && p.lipschitz <= Math.sqrt(32) * 256 * 4 * (run.clip ?? Number.NaN) ** 4 * (1 + 1e-5),
        JSON.stringify(p),
      );
      t.true(p.atBound >= 0 && p.atBound <= 1 && p.w1 > 0 && p.w1 < 3, JSON.stringify(p));
    }
  t.deepEqual(
    claims.map((c) => c.id),
    [
      'small-c-vanishing-gradients',
      'large-c-exploding-gradients',
      'estimate-over-K-absorbs-c',
      'small-c-trains-slowest',
      'estimate-tracks-w1-at-paper-c',
      'penalty-gradients-neither-vanish-nor-explode',
    ],
  );
  for (const file of ['report.md', 'report.html', 'results.json', 'figures/e6-layer-gradients.vl.json'])
    t.true(existsSync(join(out, file)), file);
});
