import { tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { templateObjectiveLosses } from './templateObjectiveLosses.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// E_r[f] = (1 + 2 + 3) / 3 = 2 and E_g[f] = (0 + 1 + 2) / 3 = 1.
const real = (): tf.Tensor1D => tf.tensor1d([1, 2, 3]);
const fake = (): tf.Tensor1D => tf.tensor1d([0, 1, 2]);

const read = (x: tf.Scalar): number => x.dataSync()[0] ?? Number.NaN;

test.serial('the estimate is E_r[f] - E_g[f] = 2 - 1', (t) => {
  tf.tidy(() => {
    assertClose(t, read(templateObjectiveLosses.estimate(real(), fake())), 1);
  });
});

test.serial('the critic loss is E_g[f] - E_r[f] = 1 - 2, and the generator loss -E_g[f] = -1', (t) => {
  tf.tidy(() => {
    assertClose(t, read(templateObjectiveLosses.critic(real(), fake())), -1);
    assertClose(t, read(templateObjectiveLosses.generator(fake())), -1);
  });
});

test.serial('the losses leak no tensor', (t) => {
  const before = tf.memory().numTensors;
  tf.tidy(() => {
    templateObjectiveLosses.critic(real(), fake());
    templateObjectiveLosses.generator(fake());
    templateObjectiveLosses.estimate(real(), fake());
  });
  t.is(tf.memory().numTensors, before);
});
