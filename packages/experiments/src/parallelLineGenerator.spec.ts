import { Rng, tf } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import test from 'ava';
import { parallelLineGenerator } from './parallelLineGenerator.js';

test.before(async () => {
  // The engine loads the backends; the contract entry (tf) registers none.
  await useBackend('cpu');
});

test.serial('parallel-line maps u in [-1, 1] to (theta, (u + 1) / 2) with one trainable theta', (t) => {
  const before = tf.memory().numTensors;
  const options = parallelLineGenerator.optionsSchema.parse({ theta: 0.3 });
  const net = parallelLineGenerator.create(options, {
    inputShape: [1],
    outputShape: [2],
    rng: new Rng(1),
    name: 'pl-test',
  });
  t.is(net.trainableVariables.length, 1);
  const out = tf.tidy(() => Array.from(net.apply(tf.tensor2d([[-1], [0], [1]]), true).dataSync()));
  const expected = [0.3, 0, 0.3, 0.5, 0.3, 1];
  out.forEach((v, i) => {
    t.true(Math.abs(v - (expected[i] ?? Number.NaN)) < 1e-6, `${String(i)}: ${String(v)}`);
  });
  // d/dtheta of the mean first coordinate is 1; of the second, 0.
  const grads = tf.tidy(() => {
    const { grads: g } = tf.variableGrads(
      () => tf.mean(tf.slice(net.apply(tf.tensor2d([[0.2], [-0.4]]), true), [0, 0], [2, 1])),
      net.trainableVariables as tf.Variable[],
    );
    return Object.values(g).map((x) => x.dataSync()[0]);
  });
  t.deepEqual(grads, [1]);
  net.dispose();
  t.is(tf.memory().numTensors, before);
  t.throws(
    () => parallelLineGenerator.create(options, { inputShape: [2], outputShape: [2], rng: new Rng(1), name: 'x' }),
    { message: /dimension 1/ },
  );
  t.throws(() => parallelLineGenerator.optionsSchema.parse({ theta: 'one' }));
});
