import test from 'ava';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E2ConfigSchema } from './E2ConfigSchema.js';
import { e2 } from './e2.js';
import { SMALL_TWO_GAUSSIANS } from '../SMALL_TWO_GAUSSIANS.spec.helper.js';
import { runLeakFree } from '../runLeakFree.spec.helper.js';
import { withSpecDir } from '../withSpecDir.spec.helper.js';

const dir = withSpecDir('e2');

// A small E2: two Gaussians 8 std apart, 600 critic steps of a 3x32 MLP.
const config = E2ConfigSchema.parse({
  ...SMALL_TWO_GAUSSIANS,
  backend: 'wasm',
  discriminator: { name: 'gan', optimizers: { critic: { name: 'adam', lr: 3e-3, beta1: 0.5 } } },
  criticSteps: 600,
  batchSize: 128,
  evaluationSamples: 512,
});

test('small E2: the discriminator saturates at the generated samples, the clipped critic stays near linear', async (t) => {
  const out = join(dir, 'e2');
  const { results, claims } = await runLeakFree(t, e2, config, out);
  const d = results.discriminator;
  const c = results.critic;
  // Measured (seed 1, wasm): mean |dD/dx| 1.1e-4, JS bound 0.6929, R^2 0.989, mean |f'| / K 0.477.
  t.true(d.meanAbsDDx >= 0 && d.meanAbsDDx < 1e-3, `mean |dD/dx| ${String(d.meanAbsDDx)}`);
  t.true(Math.abs(d.gradientMinimax) < 1e-2, `minimax gradient ${String(d.gradientMinimax)}`);
  t.true(d.jsLowerBound > 0.68 && d.jsLowerBound <= Math.LN2 + 1e-3, `JS bound ${String(d.jsLowerBound)}`);
  t.true(c.fit.r2 >= 0.95 && c.fit.r2 <= 1, `R^2 ${String(c.fit.r2)}`);
  const slopeOverK = c.meanAbsSlope / c.lipschitz;
  t.true(slopeOverK >= 0.2 && slopeOverK <= 1, `mean |f'| / K ${String(slopeOverK)}`);
  // The critic increases from the generated mode to the real one: the generator is pushed right.
  t.true(c.fit.slope > 0 && c.gradient < 0, `slope ${String(c.fit.slope)}, gradient ${String(c.gradient)}`);
  t.true(
    claims.every((x) => x.held),
    claims
      .filter((x) => !x.held)
      .map((x) => x.id)
      .join(', '),
  );
  for (const file of [
    'report.md',
    'report.html',
    'results.json',
    'figures/e2-optimal-critic.vl.json',
    'figures/e2-optimal-critic.png',
  ])
    t.true(existsSync(join(out, file)), file);
});
