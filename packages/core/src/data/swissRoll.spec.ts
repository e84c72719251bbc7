import test from 'ava';
import { tf } from '../tensorflow.js';
import { drawValues } from '../testing/drawValues.js';
import { openDataSource } from '../testing/openDataSource.js';
import { swissRoll } from './swissRoll.js';

const N = 20_000;

test.before(async () => {
  await tf.setBackend('cpu');
});

test('defaults: sklearn noise 0.25, divided by 7.5', (t) => {
  t.deepEqual(swissRoll.optionsSchema.parse({}), { noise: 0.25, scale: 1 / 7.5 });
  t.is(swissRoll.id, 'swissroll');
  t.deepEqual(swissRoll.aliases, ['swiss-roll']);
});

test('without noise every point is (t cos t, t sin t) * scale with t in [1.5 pi, 4.5 pi]', async (t) => {
  const x = drawValues(await openDataSource(swissRoll, { noise: 0, scale: 1 }), 2000, 1);
  for (let i = 0; i < 2000; i++) {
    const px = x[2 * i] ?? NaN;
    const pz = x[2 * i + 1] ?? NaN;
    const r = Math.hypot(px, pz); // = t
    t.true(r >= 1.5 * Math.PI - 1e-4 && r <= 4.5 * Math.PI + 1e-4);
    // The angle of the point equals t modulo 2 pi.
    const gap = Math.abs(Math.atan2(Math.sin(r), Math.cos(r)) - Math.atan2(pz, px));
    t.true(Math.min(gap, 2 * Math.PI - gap) < 1e-4, `point ${i}: angle off by ${gap}`);
  }
});

test('20,000 samples match the closed-form radius moments', async (t) => {
  // t = 1.5 pi (1 + 2u) ~ U[1.5 pi, 4.5 pi]: E[t] = 3 pi, Var t = (3 pi)^2 / 12 = 0.75 pi^2,
  // E[t^2] = 9.75 pi^2. With noise e ~ N(0, s^2 I_2), E||p + e||^2 = t^2 + 2 s^2 exactly and
  // E||p + e|| = t + s^2 / (2t) + O(s^4 / t^3), with E[1/t] = ln 3 / (3 pi).
  const s = 0.25;
  const scale = 1 / 7.5;
  const x = drawValues(await openDataSource(swissRoll), N, 2);
  let sumR = 0;
  let sumR2 = 0;
  for (let i = 0; i < N; i++) {
    const r2 = (x[2 * i] ?? NaN) ** 2 + (x[2 * i + 1] ?? NaN) ** 2;
    sumR += Math.sqrt(r2);
    sumR2 += r2;
  }
  const meanR = sumR / N / scale;
  const meanR2 = sumR2 / N / scale ** 2;
  const expectedR = 3 * Math.PI + ((s * s) / 2) * (Math.log(3) / (3 * Math.PI));
  const expectedR2 = 9.75 * Math.PI ** 2 + 2 * s * s;
  // Standard errors at n = 20,000: 0.2% for the mean radius, 0.5% for the mean square.
  t.true(Math.abs(meanR / expectedR - 1) < 0.01, `E r = ${meanR} vs ${expectedR}`);
  t.true(Math.abs(meanR2 / expectedR2 - 1) < 0.02, `E r^2 = ${meanR2} vs ${expectedR2}`);
  const sdR = Math.sqrt(meanR2 - meanR ** 2);
  t.true(Math.abs(sdR / Math.sqrt(0.75 * Math.PI ** 2) - 1) < 0.03, `sd r = ${sdR}`);
});
