import test from 'ava';
import { tf } from '../tensorflow.js';
import { drawValues } from '../testing/drawValues.js';
import { nearestModeStats } from '../testing/nearestModeStats.js';
import { openDataSource } from '../testing/openDataSource.js';
import { ring8 } from './ring8.js';

const N = 20_000;

test.before(async () => {
  await tf.setBackend('cpu');
});

test('defaults are the WGAN-GP ring: radius 2, std 0.02, scale 1/1.414', (t) => {
  t.deepEqual(ring8.optionsSchema.parse({}), { radius: 2, std: 0.02, scale: 1 / 1.414 });
  t.is(ring8.id, 'ring8');
  t.deepEqual(ring8.aliases, ['8gaussians', 'ring']);
  t.throws(() => ring8.optionsSchema.parse({ radius: 2, extra: 1 }));
});

test('8 distinct centres at radius radius * scale, std reported after scaling', async (t) => {
  const source = await openDataSource(ring8);
  const modes = source.modes;
  if (!modes) return t.fail('ring8 must report its modes');
  const r = 2 / 1.414;
  t.is(modes.centres.length, 8);
  for (const [k, c] of modes.centres.entries()) {
    t.is(c.length, 2);
    t.true(Math.abs(Math.hypot(c[0] ?? NaN, c[1] ?? NaN) - r) < 1e-12);
    const angle = (2 * Math.PI * k) / 8;
    t.true(Math.abs((c[0] ?? NaN) - r * Math.cos(angle)) < 1e-12);
    t.true(Math.abs((c[1] ?? NaN) - r * Math.sin(angle)) < 1e-12);
  }
  // Distinct: neighbours are 2 r sin(pi/8) apart, no pair is closer.
  let minGap = Infinity;
  for (const a of modes.centres)
    for (const b of modes.centres)
      if (a !== b) minGap = Math.min(minGap, Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0)));
  t.true(Math.abs(minGap - 2 * r * Math.sin(Math.PI / 8)) < 1e-12);
  t.true(Math.abs(modes.std - 0.02 / 1.414) < 1e-15);
  t.deepEqual(source.shape, [2]);
  t.regex(source.definition, /^[^\n]+$/);
});

test('20,000 samples: near a centre, balanced modes, std * scale spread', async (t) => {
  const source = await openDataSource(ring8);
  const modes = source.modes;
  if (!modes) return t.fail('ring8 must report its modes');
  const x = drawValues(source, N, 1);
  t.is(x.length, 2 * N);
  const { counts, std, maxDistance: maxDist } = nearestModeStats(x, modes.centres);
  t.true(maxDist < 5 * modes.std, `max distance ${maxDist} vs 5 std ${5 * modes.std}`);
  for (const c of counts) t.true(Math.abs(c / N - 0.125) <= 0.015, `mode share ${c / N}`);
  // Per-coordinate std around the nearest centre: sqrt(E||x - c||^2 / 2).
  t.true(Math.abs(std / modes.std - 1) <= 0.05, `std ${std} vs ${modes.std}`);
});
