import { tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { multiplierStep } from './multiplierStep.js';
import { sobolevLagrangian } from './sobolevLagrangian.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// Scores on P (real) (1, 2) and on Q (fake) (0, -1): E_P f = 1.5, E_Q f = -0.5, IPM = 2.
// Omega = 5 (a linear critic w = (1, 2): ||w||^2), 1 - Omega = -4. With lambda = 0.5, rho = 0.1:
//   L = 2 + 0.5 (-4) - 0.1/2 (-4)^2 = 2 - 2 - 0.8 = -0.8.
const real = [1, 2];
const fake = [0, -1];

function evaluate(omega: number, lambda: number, rho: number): { lagrangian: number; constraint: number } {
  return tf.tidy(() => {
    const out = sobolevLagrangian(tf.tensor1d(real), tf.tensor1d(fake), tf.scalar(omega), lambda, rho);
    return {
      lagrangian: out.lagrangian.dataSync()[0] ?? Number.NaN,
      constraint: out.constraint.dataSync()[0] ?? Number.NaN,
    };
  });
}

test('L = E_P f - E_Q f + lambda (1 - Omega) - rho/2 (1 - Omega)^2 = 2 - 2 - 0.8 = -0.8', (t) => {
  const { lagrangian, constraint } = evaluate(5, 0.5, 0.1);
  assertClose(t, constraint, -4, 1e-7);
  assertClose(t, lagrangian, -0.8, 1e-6);
});

test('on the constraint (Omega = 1) L is the IPM estimate E_P f - E_Q f = 2 whatever lambda and rho', (t) => {
  assertClose(t, evaluate(1, 0.5, 0.1).lagrangian, 2, 1e-7);
  assertClose(t, evaluate(1, -3, 7).lagrangian, 2, 1e-7);
});

test('dL/dOmega = -(lambda - rho (1 - Omega)) = -(0.5 + 0.4) = -0.9; dL/dlambda = 1 - Omega = -4', (t) => {
  const [dOmega, dLambda] = tf.tidy(() =>
    tf
      .grads(
        (omega: tf.Tensor, lambda: tf.Tensor) =>
          sobolevLagrangian(tf.tensor1d(real), tf.tensor1d(fake), omega as tf.Scalar, lambda as tf.Scalar, 0.1)
            .lagrangian,
      )([tf.scalar(5), tf.scalar(0.5)])
      .map((g) => g.dataSync()[0] ?? Number.NaN),
  );
  assertClose(t, dOmega ?? Number.NaN, -0.9, 1e-6);
  assertClose(t, dLambda ?? Number.NaN, -4, 1e-6);
});

test('dL/dscore is 1/n on P and -1/n on Q: the constraint reaches the critic only through Omega', (t) => {
  const [gReal = [], gFake = []] = tf.tidy(() =>
    tf
      .grads(
        (r: tf.Tensor, f: tf.Tensor) =>
          sobolevLagrangian(r as tf.Tensor1D, f as tf.Tensor1D, tf.scalar(5), 0.5, 0.1).lagrangian,
      )([tf.tensor1d(real), tf.tensor1d(fake)])
      .map((g) => Array.from(g.dataSync())),
  );
  [...gReal, ...gFake].forEach((g, i) => {
    assertClose(t, g, i < 2 ? 0.5 : -0.5, 1e-7);
  });
});

const step = (lambda: number, constraint: number, rho: number): number =>
  tf.tidy(() => multiplierStep(tf.scalar(lambda), tf.scalar(constraint), rho).dataSync()[0] ?? Number.NaN);

test('violated above (Omega = 5 > 1): lambda grows by rho (Omega - 1), 0.5 - 0.1 (-4) = 0.9', (t) => {
  assertClose(t, step(0.5, -4, 0.1), 0.9, 1e-6);
});

test('violated below (Omega = 0.25 < 1): lambda shrinks by rho (1 - Omega), 0.5 - 0.1 (0.75) = 0.425', (t) => {
  assertClose(t, step(0.5, 0.75, 0.1), 0.425, 1e-6);
});

test('held (Omega = 1): lambda stays', (t) => {
  t.is(step(0.5, 0, 0.1), 0.5);
});
