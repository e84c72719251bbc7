import test from 'ava';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { initializers } from './initializers.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

function stats(t: tf.Tensor): { mean: number; std: number; min: number; max: number } {
  const values = Array.from(t.dataSync());
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  const min = values.reduce((a, b) => Math.min(a, b), Infinity);
  const max = values.reduce((a, b) => Math.max(a, b), -Infinity);
  return { mean, std: Math.sqrt(variance), min, max };
}

test('uniform and normal draws repeat for the same seed and differ for another', (t) => {
  const draw = (seed: number): number[][] => {
    const rng = new Rng(seed);
    const u = initializers.uniform([100], 0.5, rng);
    const n = initializers.normal([100], 0, 1, rng);
    const out = [Array.from(u.dataSync()), Array.from(n.dataSync())];
    tf.dispose([u, n]);
    return out;
  };
  t.deepEqual(draw(7), draw(7));
  const [u7, n7] = draw(7);
  const [u8, n8] = draw(8);
  t.notDeepEqual(u7, u8);
  t.notDeepEqual(n7, n8);
});

test('pytorch weights of fan-in 512 lie in +-1/sqrt(512) with std bound/sqrt(3)', (t) => {
  const bound = 1 / Math.sqrt(512);
  t.is(initializers.pytorchBound(512), bound);
  const w = initializers.weight('pytorch', [512, 512], 512, new Rng(1));
  const s = stats(w);
  t.true(s.min >= -bound && s.max <= bound);
  // Draws reach near both ends of the interval.
  t.true(s.min < -0.99 * bound && s.max > 0.99 * bound);
  const expectedStd = bound / Math.sqrt(3);
  t.true(Math.abs(s.std - expectedStd) < 0.05 * expectedStd, `std ${s.std} vs ${expectedStd}`);
  t.true(Math.abs(s.mean) < 0.01 * bound);
  w.dispose();
});

test('dcgan scheme: weights N(0, 0.02), bias 0, gamma N(1, 0.02), beta 0', (t) => {
  const rng = new Rng(2);
  const w = initializers.weight('dcgan', [200, 200], 200, rng);
  const b = initializers.bias('dcgan', [10], 200, rng);
  const g = initializers.gamma('dcgan', [20000], rng);
  const beta = initializers.beta([5]);
  const ws = stats(w);
  t.true(Math.abs(ws.std - 0.02) < 0.02 * 0.02, `std ${ws.std}`);
  t.true(Math.abs(ws.mean) < 0.001);
  t.deepEqual(Array.from(b.dataSync()), new Array<number>(10).fill(0));
  const gs = stats(g);
  t.true(Math.abs(gs.mean - 1) < 0.001 && Math.abs(gs.std - 0.02) < 0.001, `gamma ${gs.mean} ${gs.std}`);
  t.deepEqual(Array.from(beta.dataSync()), [0, 0, 0, 0, 0]);
  t.deepEqual(Array.from(initializers.gamma('pytorch', [3], rng).dataSync()), [1, 1, 1]);
  tf.dispose([w, b, g, beta]);
});

test('pytorch bias uses the kernel fan-in bound', (t) => {
  const bound = 1 / Math.sqrt(16);
  const b = initializers.bias('pytorch', [2000], 16, new Rng(3));
  const s = stats(b);
  t.true(s.min >= -bound && s.max <= bound && s.min < -0.95 * bound && s.max > 0.95 * bound);
  b.dispose();
});

test('variable() frees the initial value and registers the name', (t) => {
  const before = tf.memory().numTensors;
  const v = initializers.variable(initializers.constant([3], 2), true, 'initializersSpec/v');
  t.is(tf.memory().numTensors, before + 1);
  t.deepEqual(Array.from(v.dataSync()), [2, 2, 2]);
  t.is(v.name, 'initializersSpec/v');
  t.true(v.trainable);
  v.dispose();
  t.is(tf.memory().numTensors, before);
});
