import { tf } from '@ipmgan/core';
import test from 'ava';
import { wassersteinLosses } from './wassersteinLosses.js';
import { assertClose } from '@ipmgan/core/testing';

test.before(async () => {
  await tf.setBackend('cpu');
});

// A linear critic f(x) = w.x + b with w = (0.5, -1), b = 0.1 on fixed points:
// real (1, 2), (3, 4):  f = 0.5 - 2 + 0.1 = -1.4,  1.5 - 4 + 0.1 = -2.4   -> mean -1.9
// fake (0, 0), (2, -2): f = 0.1,                   1 + 2 + 0.1 = 3.1      -> mean  1.6
const realScores = (): tf.Tensor1D => tf.tensor1d([-1.4, -2.4]);
const fakeScores = (): tf.Tensor1D => tf.tensor1d([0.1, 3.1]);

test('critic loss is E[f(g(z))] - E[f(x)] = 1.6 - (-1.9) = 3.5', (t) => {
  assertClose(t, wassersteinLosses.critic(realScores(), fakeScores()).dataSync()[0] ?? NaN, 1.6 + 1.9);
});

test('generator loss is -E[f(g(z))] = -1.6', (t) => {
  assertClose(t, wassersteinLosses.generator(fakeScores()).dataSync()[0] ?? NaN, -1.6);
});

test('estimate is minus the critic loss: E[f(x)] - E[f(g(z))] = -3.5', (t) => {
  assertClose(t, wassersteinLosses.estimate(realScores(), fakeScores()).dataSync()[0] ?? NaN, -1.9 - 1.6);
});

test('the critic loss gradient of a linear critic is mean(fake) - mean(real) in w', (t) => {
  // d/dw [mean(w.fake) - mean(w.real)] = mean(fake) - mean(real) = (1, -1) - (2, 3) = (-1, -4)
  const real = tf.tensor2d([
    [1, 2],
    [3, 4],
  ]);
  const fake = tf.tensor2d([
    [0, 0],
    [2, -2],
  ]);
  const w = tf.variable(tf.tensor2d([[0.5], [-1]]), true, 'wgan-spec-w');
  const { grads } = tf.variableGrads(
    () => wassersteinLosses.critic(tf.reshape(tf.matMul(real, w), [-1]), tf.reshape(tf.matMul(fake, w), [-1])),
    [w],
  );
  const g = Array.from(grads['wgan-spec-w']?.dataSync() ?? []);
  assertClose(t, g[0] ?? NaN, -1);
  assertClose(t, g[1] ?? NaN, -4);
});
