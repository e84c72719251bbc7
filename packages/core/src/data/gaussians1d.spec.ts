import test from 'ava';
import { tf } from '../tensorflow.js';
import { drawValues } from '../testing/drawValues.js';
import { openDataSource } from '../testing/openDataSource.js';
import { gaussians1d } from './gaussians1d.js';

const N = 20_000;

test.before(async () => {
  await tf.setBackend('cpu');
});

function moments(x: Float32Array): { mean: number; std: number } {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1);
  return { mean, std: Math.sqrt(variance) };
}

test('defaults: standard normal, shape [1]', async (t) => {
  t.deepEqual(gaussians1d.optionsSchema.parse({}), { mean: 0, std: 1 });
  t.is(gaussians1d.id, 'gaussian1d');
  t.deepEqual((await openDataSource(gaussians1d)).shape, [1]);
  t.throws(() => gaussians1d.optionsSchema.parse({ std: 0 }));
});

for (const [mean, std] of [
  [0, 1],
  [3, 0.5],
] as const) {
  test(`N(${mean}, ${std}^2): 20,000 samples have that mean and std`, async (t) => {
    const { mean: m, std: s } = moments(drawValues(await openDataSource(gaussians1d, { mean, std }), N, 1));
    // Standard errors: std / sqrt(n) = 0.7% of std for the mean, 0.5% for the std.
    t.true(Math.abs(m - mean) <= 0.03 * std, `mean ${m}`);
    t.true(Math.abs(s / std - 1) <= 0.03, `std ${s}`);
  });
}
