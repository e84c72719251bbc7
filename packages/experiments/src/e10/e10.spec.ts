import test from 'ava';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E10ConfigSchema } from './E10ConfigSchema.js';
import { e10 } from './e10.js';
import { SMALL_TWO_GAUSSIANS } from '../SMALL_TWO_GAUSSIANS.spec.helper.js';
import { runLeakFree } from '../runLeakFree.spec.helper.js';
import { withSpecDir } from '../withSpecDir.spec.helper.js';

const dir = withSpecDir('e10');

// A small E10: the E2 Gaussians, 3x32 MLPs, 300 steps, c = 0.01 and 1.
const config = E10ConfigSchema.parse({
  ...SMALL_TWO_GAUSSIANS,
  discriminator: { name: 'gan', optimizers: { critic: { name: 'adam', lr: 1e-3, beta1: 0.5 } } },
  criticSteps: 300,
  batchSize: 64,
  evaluationSamples: 256,
  clips: [0.01, 1],
});

test('small E10: clipped at 0.01 the discriminator stays linear like the critic, at 1 it saturates', async (t) => {
  const out = join(dir, 'e10');
  const { results, claims } = await runLeakFree(t, e10, config, out, { render: null });
  const [small, large] = results.discriminators;
  t.deepEqual(
    results.discriminators.map((d) => d.clip),
    [0.01, 1],
  );
  const fmt = (d: typeof small): string => JSON.stringify({ ...d, logit: undefined });
  // Clipped at 0.01 the logit is about 1e-5 in size: D = 1/2 to 4 digits, D(1-D)/(1/4) = 1.
  t.true(Math.abs((small?.meanDFake ?? 0) - 0.5) < 1e-3, fmt(small));
  t.true((small?.sigmoidSlopeFraction ?? 0) > 0.999 && (small?.sigmoidSlopeFraction ?? 2) <= 1, fmt(small));
  t.true((small?.correlationWithCritic ?? 0) > 0.95 && (small?.correlationWithCritic ?? 2) <= 1, fmt(small));
  // Clipped at 1 it saturates: D at the generated samples below 1e-2.
  t.true((large?.meanDFake ?? 1) >= 0 && (large?.meanDFake ?? 1) < 1e-2, fmt(large));
  t.deepEqual(
    claims.map((c) => [c.id, c.held]),
    [
      ['small-clip-unsaturated', true],
      ['small-clip-is-a-wgan', true],
      ['large-clip-saturates', true],
      ['saturation-grows-with-c', true],
    ],
  );
  for (const file of ['report.md', 'report.html', 'results.json', 'figures/e10-clipped-gan.vl.json'])
    t.true(existsSync(join(out, file)), file);
});
