import { tf } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import test from 'ava';
import { gaussianKernelMixture } from './gaussianKernelMixture.js';

test.before(async () => {
  // The engine loads the backends; the contract entry (tf) registers none.
  await useBackend('cpu');
});

test('s is the bandwidth, not s^2: d^2 = 4, s = 2 gives exp(-4 / (2 * 2^2)) = exp(-1/2)', (t) => {
  const k = gaussianKernelMixture(tf.tensor1d([4]), [2]).dataSync()[0] ?? NaN;
  // GMMN's exp(-d^2 / (2 s)) would give exp(-1) = 0.368 here.
  t.true(Math.abs(k - Math.exp(-1 / 2)) <= 1e-6, String(k));
});

test('a mixture sums its Gaussians: d^2 = (0, 2), s = (1, 2)', (t) => {
  const k = Array.from(gaussianKernelMixture(tf.tensor1d([0, 2]), [1, 2]).dataSync());
  const expected = [1 + 1, Math.exp(-2 / 2) + Math.exp(-2 / 8)];
  for (const [i, e] of expected.entries()) t.true(Math.abs((k[i] ?? NaN) - e) <= 1e-6, `entry ${i}: ${k[i]}`);
});

test('an empty bandwidth list is refused', (t) => {
  t.throws(() => gaussianKernelMixture(tf.tensor1d([1]), []), { message: /at least one bandwidth/ });
});
