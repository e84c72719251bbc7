import { tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { fisherLagrangian, multiplierStep } from './fisherLagrangian.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// Scores on P (real) (1, 2) and on Q (fake) (0, -1):
//   E_P f = 1.5, E_Q f = -0.5, E_P f^2 = (1 + 4)/2 = 2.5, E_Q f^2 = (0 + 1)/2 = 0.5,
//   Omega = (2.5 + 0.5)/2 = 1.5, 1 - Omega = -0.5.
// With lambda = 2, rho = 0.1:
//   L = (1.5 + 0.5) + 2 (-0.5) - 0.1/2 (-0.5)^2 = 2 - 1 - 0.0125 = 0.9875.
const real = [1, 2];
const fake = [0, -1];

function evaluate(lambda: number, rho: number): { lagrangian: number; constraint: number } {
  return tf.tidy(() => {
    const out = fisherLagrangian(tf.tensor1d(real), tf.tensor1d(fake), lambda, rho);
    return {
      lagrangian: out.lagrangian.dataSync()[0] ?? Number.NaN,
      constraint: out.constraint.dataSync()[0] ?? Number.NaN,
    };
  });
}

test('L = E_P f - E_Q f + lambda (1 - Omega) - rho/2 (1 - Omega)^2 = 2 - 1 - 0.0125 = 0.9875', (t) => {
  const { lagrangian, constraint } = evaluate(2, 0.1);
  assertClose(t, constraint, -0.5, 1e-7);
  assertClose(t, lagrangian, 2 - 1 - 0.0125, 1e-6);
});

test('with lambda = 0 and rho = 0, L is the IPM estimate E_P f - E_Q f = 2', (t) => {
  assertClose(t, evaluate(0, 0).lagrangian, 2, 1e-7);
});

test('dL/dscore: (1 - (lambda - rho (1 - Omega)) f_i)/n on P, (-1 - (lambda - rho (1 - Omega)) f_i)/n on Q', (t) => {
  // lambda - rho (1 - Omega) = 2 + 0.05 = 2.05:
  //   P: (1 - 2.05)/2 = -0.525, (1 - 4.1)/2 = -1.55;   Q: (-1 - 0)/2 = -0.5, (-1 + 2.05)/2 = 0.525.
  const [gReal = [], gFake = []] = tf.tidy(() =>
    tf
      .grads((r: tf.Tensor, f: tf.Tensor) => fisherLagrangian(r as tf.Tensor1D, f as tf.Tensor1D, 2, 0.1).lagrangian)([
        tf.tensor1d(real),
        tf.tensor1d(fake),
      ])
      .map((g) => Array.from(g.dataSync())),
  );
  const expected = [-0.525, -1.55, -0.5, 0.525];
  [...gReal, ...gFake].forEach((g, i) => {
    assertClose(t, g, expected[i] ?? Number.NaN, 1e-6);
  });
});

test('dL/dlambda = 1 - Omega = -0.5, the constraint the multiplier steps on', (t) => {
  const gradient = tf.tidy(
    () =>
      tf
        .grad((l: tf.Tensor) => fisherLagrangian(tf.tensor1d(real), tf.tensor1d(fake), l as tf.Scalar, 0.1).lagrangian)(
          tf.scalar(2),
        )
        .dataSync()[0],
  );
  assertClose(t, gradient ?? Number.NaN, -0.5, 1e-7);
});

const step = (lambda: number, constraint: number, rho: number): number =>
  tf.tidy(() => multiplierStep(tf.scalar(lambda), tf.scalar(constraint), rho).dataSync()[0] ?? Number.NaN);

test('the multiplier grows by rho (Omega - 1) while Omega > 1: 2 - 0.1 (-0.5) = 2.05', (t) => {
  assertClose(t, step(2, -0.5, 0.1), 2.05, 1e-6);
});

test('the multiplier shrinks by rho (1 - Omega) while Omega < 1: 2 - 1e-6 * 0.9375', (t) => {
  // Scores (0.5, 0) on P and (0, 0) on Q: Omega = (0.125 + 0)/2 = 0.0625, 1 - Omega = 0.9375.
  const constraint = tf.tidy(
    () => fisherLagrangian(tf.tensor1d([0.5, 0]), tf.tensor1d([0, 0]), 2, 1e-6).constraint.dataSync()[0] ?? Number.NaN,
  );
  assertClose(t, constraint, 0.9375, 1e-7);
  // Within one float32 step below 2 (1.19e-7), far less than the move itself (9.4e-7).
  assertClose(t, step(2, constraint, 1e-6), 2 - 1e-6 * 0.9375, 1.2e-7);
});

test('a linear critic f(x) = x.w: d(-L)/dw = -sum_i dL/df_i x_i', (t) => {
  // P = {(1, 0), (0, 1)}, Q = {(1, 1), (0, 0)}, w = (1, 2): f(P) = (1, 2), f(Q) = (3, 0).
  // E_P f = 1.5, E_Q f = 1.5, Omega = ((1 + 4)/2 + (9 + 0)/2)/2 = 3.5, 1 - Omega = -2.5.
  // lambda = 1, rho = 0.2: c = lambda - rho (1 - Omega) = 1.5.
  //   dL/df on P: (1 - 1.5 (1, 2))/2 = (-0.25, -1);  on Q: (-1 - 1.5 (3, 0))/2 = (-2.75, -0.5).
  //   dL/dw = -0.25 (1, 0) - 1 (0, 1) - 2.75 (1, 1) - 0.5 (0, 0) = (-3, -3.75); d(-L)/dw = (3, 3.75).
  const gradient = tf.tidy(() => {
    const p = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const q = tf.tensor2d([
      [1, 1],
      [0, 0],
    ]);
    const w = tf.variable(tf.tensor2d([1, 2], [2, 1]), true, 'fisher-spec-w');
    const score = (x: tf.Tensor2D): tf.Tensor1D => tf.reshape(tf.matMul(x, w), [-1]);
    const { grads } = tf.variableGrads(() => tf.neg(fisherLagrangian(score(p), score(q), 1, 0.2).lagrangian), [w]);
    const values = Array.from(grads['fisher-spec-w']?.dataSync() ?? []);
    w.dispose();
    return values;
  });
  t.is(gradient.length, 2);
  assertClose(t, gradient[0] ?? Number.NaN, 3, 1e-6);
  assertClose(t, gradient[1] ?? Number.NaN, 3.75, 1e-6);
});
