import test from 'ava';
import { tf } from '../tensorflow.js';
import { drawValues } from '../testing/drawValues.js';
import { openDataSource } from '../testing/openDataSource.js';
import { parallelLines } from './parallelLines.js';

const N = 20_000;

test.before(async () => {
  await tf.setBackend('cpu');
});

function yStats(x: Float32Array): { mean: number; variance: number; min: number; max: number } {
  const n = x.length / 2;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const y = x[2 * i + 1] ?? NaN;
    sum += y;
    min = Math.min(min, y);
    max = Math.max(max, y);
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((x[2 * i + 1] ?? NaN) - mean) ** 2;
  return { mean, variance: ss / (n - 1), min, max };
}

test('defaults give the paper P_0 = (0, Z)', (t) => {
  t.deepEqual(parallelLines.optionsSchema.parse({}), { offset: 0 });
  t.is(parallelLines.id, 'parallel-lines');
});

for (const offset of [0, -1.5]) {
  test(`offset ${offset}: x = offset exactly, y ~ U[0, 1] (mean 1/2, variance 1/12)`, async (t) => {
    const source = await openDataSource(parallelLines, { offset });
    t.deepEqual(source.shape, [2]);
    const x = drawValues(source, N, 1);
    for (let i = 0; i < N; i++) {
      if (x[2 * i] !== offset) return t.fail(`sample ${i} has x = ${x[2 * i]}`);
    }
    const { mean, variance, min, max } = yStats(x);
    t.true(Math.abs(mean - 0.5) <= 0.01, `mean ${mean}`);
    t.true(Math.abs(variance / (1 / 12) - 1) <= 0.05, `variance ${variance}`);
    t.true(min >= 0 && max <= 1);
    t.true(min < 0.001 && max > 0.999);
  });
}
