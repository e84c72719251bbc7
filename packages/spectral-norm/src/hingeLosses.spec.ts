import { tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { hingeLosses } from './hingeLosses.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// real scores (-1.4, -2.4, 0.5, 2): max(0, 1 - f) = 2.4, 3.4, 0.5, 0  -> mean 6.3 / 4 = 1.575
// fake scores (0.1, 3.1, -2, -0.5): max(0, 1 + f) = 1.1, 4.1, 0, 0.5  -> mean 5.7 / 4 = 1.425
const real = [-1.4, -2.4, 0.5, 2];
const fake = [0.1, 3.1, -2, -0.5];

test('critic loss E[max(0, 1 - f(x))] + E[max(0, 1 + f(g(z)))] = 1.575 + 1.425 = 3', (t) => {
  const value = tf.tidy(() => hingeLosses.critic(tf.tensor1d(real), tf.tensor1d(fake)).dataSync()[0]);
  assertClose(t, value ?? Number.NaN, 1.575 + 1.425, 1e-6);
});

test('the critic loss gradient is -1/n on real scores below 1 and +1/n on fake scores above -1, else 0', (t) => {
  const [gReal, gFake] = tf.tidy(() =>
    tf
      .grads((r: tf.Tensor, f: tf.Tensor) => hingeLosses.critic(r as tf.Tensor1D, f as tf.Tensor1D))([
        tf.tensor1d(real),
        tf.tensor1d(fake),
      ])
      .map((g) => Array.from(g.dataSync())),
  );
  const expected = [-0.25, -0.25, -0.25, 0, 0.25, 0.25, 0, 0.25];
  const actual = [...(gReal ?? []), ...(gFake ?? [])];
  t.is(actual.length, expected.length);
  expected.forEach((e, i) => {
    assertClose(t, actual[i] ?? Number.NaN, e, 0);
  });
});

test('generator loss -E[f(g(z))] = -(0.1 + 3.1 - 2 - 0.5) / 4 = -0.175', (t) => {
  const value = tf.tidy(() => hingeLosses.generator(tf.tensor1d(fake)).dataSync()[0]);
  assertClose(t, value ?? Number.NaN, -0.175, 1e-6);
});

test('estimate E[f(x)] - E[f(g(z))] = -0.325 - 0.175 = -0.5', (t) => {
  const value = tf.tidy(() => hingeLosses.estimate(tf.tensor1d(real), tf.tensor1d(fake)).dataSync()[0]);
  assertClose(t, value ?? Number.NaN, -1.3 / 4 - 0.7 / 4, 1e-6);
});
