import { Rng, tf } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import test from 'ava';
import { gaussianShiftGenerator } from './gaussianShiftGenerator.js';

test.before(async () => {
  // The engine loads the backends; the contract entry (tf) registers none.
  await useBackend('cpu');
});

test.serial('gaussian-shift is mu + std z with mu trainable', (t) => {
  const before = tf.memory().numTensors;
  const net = gaussianShiftGenerator.create(gaussianShiftGenerator.optionsSchema.parse({ mean: -2, std: 0.5 }), {
    inputShape: [1],
    outputShape: [1],
    rng: new Rng(1),
    name: 'gs-test',
  });
  const out = tf.tidy(() => Array.from(net.apply(tf.tensor2d([[-1], [0], [2]]), true).dataSync()));
  t.deepEqual(out, [-2.5, -2, -1]);
  t.is(net.trainableVariables.length, 1);
  net.dispose();
  t.is(tf.memory().numTensors, before);
  t.throws(() => gaussianShiftGenerator.optionsSchema.parse({ std: 0 }));
});
