import test from 'ava';
import type { MixtureModes } from '../contracts/DataSource.js';
import { ring8 } from '../data/ring8.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { modeMetrics } from './modeMetrics.js';
import { pointsFromRows } from './pointsFromRows.js';
import { pointsFromTensor } from './pointsFromTensor.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

async function ring(): Promise<{ modes: MixtureModes; sample: (n: number, seed: number) => tf.Tensor }> {
  const source = await ring8.create(ring8.optionsSchema.parse({}), { baseDir: '.' });
  if (!source.modes) throw new Error('ring8 has no modes');
  return { modes: source.modes, sample: (n, seed) => source.sample(n, new Rng(seed)) };
}

test('ring8 modes: centres at radius 2/1.414, std 0.02/1.414', async (t) => {
  const { modes } = await ring();
  t.is(modes.centres.length, 8);
  assertClose(t, modes.std, 0.02 / 1.414, 1e-15);
  assertClose(t, Math.hypot(...(modes.centres[3] ?? [])), 2 / 1.414, 1e-12);
});

test('by hand: samples on centres 0, 1, 2 cover 3 modes, all HQ, KL = log(8/3)', async (t) => {
  const { modes } = await ring();
  const c = modes.centres.map((x) => [...x]);
  const m = modeMetrics(pointsFromRows([c[0] ?? [], c[1] ?? [], c[2] ?? []]), modes);
  t.deepEqual({ modesCovered: m.modesCovered, highQuality: m.highQuality }, { modesCovered: 3, highQuality: 1 });
  assertClose(t, m.reverseKl, Math.log(8 / 3), 1e-12);
  // One sample per mode: uniform histogram, KL 0.
  t.deepEqual(modeMetrics(pointsFromRows(c), modes), {
    modesCovered: 8,
    highQuality: 1,
    reverseKl: 0,
    massKl: 0,
    largestShare: 1 / 8,
  });
  // q = (1/2, 1/4, 1/4): 1/2 log 4 + 2 (1/4 log 2) = 1.5 log 2.
  const q = modeMetrics(pointsFromRows([c[0] ?? [], c[0] ?? [], c[5] ?? [], c[6] ?? []]), modes);
  assertClose(t, q.reverseKl, 1.5 * Math.log(2), 1e-12);
  t.is(q.modesCovered, 3);
});

test('the 3-std ball: 2.9 std out is HQ, 3.1 std is not; no HQ sample gives reverseKl = log 8', async (t) => {
  const { modes } = await ring();
  const [x = 0, y = 0] = modes.centres[0] ?? [];
  const s = modes.std;
  // Diagonal offsets: 2.9 std away in Euclidean norm, though each coordinate is only 2.05 std.
  const d = (2.9 * s) / Math.SQRT2;
  const points = pointsFromRows([
    [x + d, y - d],
    [x - 3.1 * s, y],
    [0, 0],
  ]);
  const m = modeMetrics(points, modes);
  t.is(m.modesCovered, 1);
  assertClose(t, m.highQuality, 1 / 3, 1e-15);
  assertClose(t, m.reverseKl, Math.log(8), 1e-12);
  t.deepEqual(
    modeMetrics(
      pointsFromRows([
        [0, 0],
        [x - 3.1 * s, y],
      ]),
      modes,
    ),
    {
      modesCovered: 0,
      highQuality: 0,
      reverseKl: Math.log(8),
      // (0, 0) is as far from all 8 centres (up to rounding it counts at centre 0); the other is nearest centre 0: p = (1, 0, ...).
      massKl: Math.log(8),
      largestShare: 1,
    },
  );
});

test('mass by hand: every sample counts at its nearest mode, sharp or not', async (t) => {
  const { modes } = await ring();
  const s = modes.std;
  // Points 20 std outward from each centre: none high quality, but one sample nearest each mode.
  const spread = modes.centres.map(([x = 0, y = 0]) => {
    const r = Math.hypot(x, y);
    return [x * (1 + (20 * s) / r), y * (1 + (20 * s) / r)];
  });
  const blurred = modeMetrics(pointsFromRows(spread), modes);
  t.is(blurred.highQuality, 0);
  t.is(blurred.modesCovered, 0);
  assertClose(t, blurred.reverseKl, Math.log(8), 1e-12);
  assertClose(t, blurred.massKl, 0, 1e-12);
  assertClose(t, blurred.largestShare, 1 / 8, 1e-15);
  // Sharp but collapsed: 3 samples on centre 0, 1 on centre 4. p = (3/4, 1/4):
  // 3/4 log(8 * 3/4) + 1/4 log(8 * 1/4) = 3/4 log 6 + 1/4 log 2.
  const c = modes.centres.map((x) => [...x]);
  const collapsed = modeMetrics(pointsFromRows([c[0] ?? [], c[0] ?? [], c[0] ?? [], c[4] ?? []]), modes);
  assertClose(t, collapsed.massKl, 0.75 * Math.log(6) + 0.25 * Math.log(2), 1e-12);
  assertClose(t, collapsed.reverseKl, collapsed.massKl, 1e-12);
  t.is(collapsed.largestShare, 3 / 4);
  // Half sharp on mode 2, half blurred near mode 6: p = (1/2, 1/2) on two modes, massKl = log 4; q on mode 2 only.
  const mixed = modeMetrics(pointsFromRows([c[2] ?? [], c[2] ?? [], spread[6] ?? [], spread[6] ?? []]), modes);
  assertClose(t, mixed.massKl, Math.log(4), 1e-12);
  assertClose(t, mixed.reverseKl, Math.log(8), 1e-12);
  t.is(mixed.largestShare, 1 / 2);
  t.is(mixed.modesCovered, 1);
});

test('real ring8 samples: HQ fraction 1 - exp(-9/2) = 0.98889 (2-D), 8 modes, KL ~ (K-1)/(2N)', async (t) => {
  const { modes, sample } = await ring();
  const x = sample(2000, 3);
  const m = modeMetrics(pointsFromTensor(x), modes);
  x.dispose();
  t.is(m.modesCovered, 8);
  // Binomial standard error sqrt(0.011 * 0.989 / 2000) = 0.0023: tolerance 0.01.
  assertClose(t, m.highQuality, 1 - Math.exp(-4.5), 0.01);
  // Multinomial: E KL ~ (K - 1) / (2N) = 0.00177, standard deviation ~ sqrt(2 (K - 1)) / (2N) = 0.00094.
  assertClose(t, m.reverseKl, 7 / (2 * 2000 * m.highQuality), 0.004);
  // Mass over all 2000 samples: E KL ~ (K - 1) / (2N) = 0.00175; the largest of 8 shares with
  // binomial se sqrt(1/8 * 7/8 / 2000) = 0.0074 lies about 1.4 se above 1/8 (expected maximum of 8).
  assertClose(t, m.massKl, 7 / (2 * 2000), 0.004);
  assertClose(t, m.largestShare, 1 / 8 + 1.4 * Math.sqrt(((1 / 8) * (7 / 8)) / 2000), 0.012);
});
