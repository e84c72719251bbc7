import test from 'ava';
import { tf } from '../tensorflow.js';
import { drawValues } from '../testing/drawValues.js';
import { nearestModeStats } from '../testing/nearestModeStats.js';
import { openDataSource } from '../testing/openDataSource.js';
import { grid25 } from './grid25.js';

const N = 20_000;

test.before(async () => {
  await tf.setBackend('cpu');
});

test('defaults are the WGAN-GP grid: std 0.05, scale 1/2.828', (t) => {
  t.deepEqual(grid25.optionsSchema.parse({}), { std: 0.05, scale: 1 / 2.828 });
  t.is(grid25.id, 'grid25');
  t.deepEqual(grid25.aliases, ['25gaussians', 'grid']);
});

test('25 distinct centres (i, j) * scale, i, j in {-4,-2,0,2,4}', async (t) => {
  const source = await openDataSource(grid25);
  const modes = source.modes;
  if (!modes) return t.fail('grid25 must report its modes');
  const s = 1 / 2.828;
  t.is(modes.centres.length, 25);
  const expected = new Set<string>();
  for (const i of [-4, -2, 0, 2, 4]) for (const j of [-4, -2, 0, 2, 4]) expected.add(`${i},${j}`);
  const got = new Set(modes.centres.map((c) => `${Math.round((c[0] ?? NaN) / s)},${Math.round((c[1] ?? NaN) / s)}`));
  t.deepEqual([...got].sort(), [...expected].sort());
  for (const c of modes.centres) {
    t.true(Math.abs((c[0] ?? NaN) - Math.round((c[0] ?? NaN) / s) * s) < 1e-12);
    t.true(Math.abs((c[1] ?? NaN) - Math.round((c[1] ?? NaN) / s) * s) < 1e-12);
  }
  t.true(Math.abs(modes.std - 0.05 / 2.828) < 1e-15);
});

test('20,000 samples: near a centre, 4% per mode, std * scale spread', async (t) => {
  const source = await openDataSource(grid25);
  const modes = source.modes;
  if (!modes) return t.fail('grid25 must report its modes');
  const x = drawValues(source, N, 1);
  const { counts, std, maxDistance: maxDist } = nearestModeStats(x, modes.centres);
  t.true(maxDist < 5 * modes.std, `max distance ${maxDist} vs 5 std ${5 * modes.std}`);
  // 4% +- 1%: the binomial standard error at n = 20,000 is 0.14%.
  for (const c of counts) t.true(Math.abs(c / N - 0.04) <= 0.01, `mode share ${c / N}`);
  t.true(Math.abs(std / modes.std - 1) <= 0.05, `std ${std} vs ${modes.std}`);
});
