import { Rng, tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { templateNetwork } from './templateNetwork.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial('[batch, 2] -> [batch, 1] is x W + b, and the kernel is the one layer constraints see', (t) => {
  const shapes = { inputShape: [2], outputShape: [1], rng: new Rng(1), name: 'template-spec' };
  const network = templateNetwork.create({ initStd: 0.1 }, shapes);
  const [w1 = 0, w2 = 0] = Array.from(network.layers?.[0]?.kernel.dataSync() ?? []);
  const y = tf.tidy(() => Array.from(network.apply(tf.tensor2d([[1, 2]]), false).dataSync()));
  // b starts at 0: f(1, 2) = w1 + 2 w2.
  assertClose(t, y[0] ?? Number.NaN, w1 + 2 * w2, 1e-6);
  t.deepEqual(network.layers?.[0]?.kernel.shape, [2, 1]);
  network.layers?.[0]?.reparametrise((kernel) => tf.mul(kernel, 2));
  const doubled = tf.tidy(() => Array.from(network.apply(tf.tensor2d([[1, 2]]), true).dataSync()));
  assertClose(t, doubled[0] ?? Number.NaN, 2 * (w1 + 2 * w2), 1e-6);
  network.dispose();
});
