import { tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { sobolevNorm } from './sobolevNorm.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

const real = (): tf.Tensor2D =>
  tf.tensor2d([
    [1, 0],
    [0, 2],
  ]);
const fake = (): tf.Tensor2D => tf.tensor2d([[1, 1]]);

test('a linear critic f(x) = w.x has grad_x f = w everywhere: Omega = ||w||^2 = 1 + 4 = 5', (t) => {
  const omega = tf.tidy(() => {
    const w = tf.tensor2d([1, 2], [2, 1]);
    return sobolevNorm((x) => tf.reshape(tf.matMul(x as tf.Tensor2D, w), [-1]), real(), fake()).dataSync()[0];
  });
  assertClose(t, omega ?? Number.NaN, 5, 1e-6);
});

test('mu = (P + Q)/2 weighs each side 1/2 whatever its size: f = ||x||^2/2 gives (2.5 + 2)/2 = 2.25', (t) => {
  // grad_x f = x: ||x||^2 is 1 and 4 on P (mean 2.5), 2 on Q's single point. Stacking the three
  // points and averaging would give 7/3 instead.
  const omega = tf.tidy(
    () => sobolevNorm((x) => tf.mul(0.5, tf.sum(tf.square(x), 1)), real(), fake()).dataSync()[0] ?? Number.NaN,
  );
  assertClose(t, omega, 2.25, 1e-6);
});

test("Omega is differentiable in the critic's weights: f = a ||x||^2/2 gives Omega = 2.25 a^2, dOmega/da = 4.5 a", (t) => {
  const gradient = tf.tidy(() => {
    const a = tf.variable(tf.scalar(3), true, 'sobolev-norm-spec-a');
    const { grads } = tf.variableGrads(
      () => sobolevNorm((x) => tf.mul(a, tf.mul(0.5, tf.sum(tf.square(x), 1))), real(), fake()),
      [a],
    );
    const value = grads['sobolev-norm-spec-a']?.dataSync()[0] ?? Number.NaN;
    a.dispose();
    return value;
  });
  assertClose(t, gradient, 13.5, 1e-5);
});

test('a ReLU critic: f(x) = relu(x_1) has gradient (1, 0) where x_1 > 0 and 0 elsewhere', (t) => {
  // P = {(1, 0), (-1, 3)}: ||g||^2 = 1, 0 (mean 0.5); Q = {(2, 5), (3, -1)}: 1, 1 (mean 1). Omega = 0.75.
  const omega = tf.tidy(() => {
    const p = tf.tensor2d([
      [1, 0],
      [-1, 3],
    ]);
    const q = tf.tensor2d([
      [2, 5],
      [3, -1],
    ]);
    const score = (x: tf.Tensor): tf.Tensor1D => tf.reshape(tf.relu(tf.slice(x, [0, 0], [-1, 1])), [-1]);
    return sobolevNorm(score, p, q).dataSync()[0] ?? Number.NaN;
  });
  assertClose(t, omega, 0.75, 1e-6);
});

test('leaves no tensor behind', (t) => {
  const r = real();
  const f = fake();
  const before = tf.memory().numTensors;
  tf.dispose(sobolevNorm((x) => tf.mul(0.5, tf.sum(tf.square(x), 1)), r, f));
  t.is(tf.memory().numTensors, before);
  tf.dispose([r, f]);
});
