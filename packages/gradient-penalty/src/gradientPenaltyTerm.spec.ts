import { tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { gradientPenaltyTerm } from './gradientPenaltyTerm.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

const real = (): tf.Tensor2D =>
  tf.tensor2d([
    [1, 2],
    [3, -4],
    [0.5, 0],
  ]);
const fake = (): tf.Tensor2D =>
  tf.tensor2d([
    [0, 0],
    [-2, 1],
    [7, 7],
  ]);
const eps = (): tf.Tensor1D => tf.tensor1d([0.2, 0.9, 0.5]);

/** f(x) = x.w + 0.3 for w: [2, 1]; grad_x f = w at every x. */
const linear =
  (w: tf.Tensor) =>
  (x: tf.Tensor): tf.Tensor1D =>
    tf.reshape(tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), 0.3), [-1]);

/** The penalty and its gradient in w, for a linear critic with weights w. */
function penaltyAndGradient(w: readonly number[], oneSided: boolean): { value: number; gradient: number[] } {
  return tf.tidy(() => {
    const weights = tf.variable(tf.tensor2d([...w], [2, 1]), true, `gp-spec-w-${String(oneSided)}-${w.join('_')}`);
    const { value, grads } = tf.variableGrads(
      () => gradientPenaltyTerm(linear(weights), real(), fake(), eps(), { lambda: 10, oneSided }),
      [weights],
    );
    const result = {
      value: value.dataSync()[0] ?? Number.NaN,
      gradient: Array.from(grads[weights.name]?.dataSync() ?? []),
    };
    weights.dispose();
    return result;
  });
}

test('linear critic, ||w|| = 5: penalty lambda (||w|| - 1)^2 = 10 * 16 = 160', (t) => {
  const { value } = penaltyAndGradient([3, 4], false);
  assertClose(t, value, 160, 1e-4);
});

test('linear critic, ||w|| = 5: gradient 2 lambda (||w|| - 1) w / ||w|| = 2*10*4*(3, 4)/5 = (48, 64)', (t) => {
  const { gradient } = penaltyAndGradient([3, 4], false);
  t.is(gradient.length, 2);
  assertClose(t, gradient[0] ?? Number.NaN, 48, 1e-4);
  assertClose(t, gradient[1] ?? Number.NaN, 64, 1e-4);
});

test('linear critic, ||w|| = 0.5: two-sided penalty 10 * 0.25 = 2.5, gradient 2*10*(-0.5)*(0.6, 0.8) = (-6, -8)', (t) => {
  const { value, gradient } = penaltyAndGradient([0.3, 0.4], false);
  assertClose(t, value, 2.5, 1e-5);
  assertClose(t, gradient[0] ?? Number.NaN, -6, 1e-5);
  assertClose(t, gradient[1] ?? Number.NaN, -8, 1e-5);
});

test('linear critic, ||w|| = 0.5: the one-sided penalty max(0, ||w|| - 1)^2 and its gradient are exactly 0', (t) => {
  const { value, gradient } = penaltyAndGradient([0.3, 0.4], true);
  t.is(value, 0);
  t.deepEqual(gradient, [0, 0]);
});

test('linear critic, ||w|| = 5: the one-sided penalty equals the two-sided one (160, gradient (48, 64))', (t) => {
  const { value, gradient } = penaltyAndGradient([3, 4], true);
  assertClose(t, value, 160, 1e-4);
  assertClose(t, gradient[0] ?? Number.NaN, 48, 1e-4);
  assertClose(t, gradient[1] ?? Number.NaN, 64, 1e-4);
});

test('the penalty is taken at eps real + (1 - eps) fake: f(x) = ||x||^2 / 2 has grad_x f = x', (t) => {
  // x_hat = 0.5 (2, 0) + 0.5 (0, 0) = (1, 0):         ||x_hat|| = 1,   (1 - 1)^2 = 0
  // x_hat = 0.25 (0, 3) + 0.75 (0, 1) = (0, 1.5):     ||x_hat|| = 1.5, (1.5 - 1)^2 = 0.25
  // lambda * mean = 10 * (0 + 0.25) / 2 = 1.25 (with eps and 1 - eps swapped: x_hat = (0, 2.5) and 11.25).
  const value = tf.tidy(
    () =>
      gradientPenaltyTerm(
        (x) => tf.mul(0.5, tf.sum(tf.square(x), 1)),
        tf.tensor2d([
          [2, 0],
          [0, 3],
        ]),
        tf.tensor2d([
          [0, 0],
          [0, 1],
        ]),
        tf.tensor1d([0.5, 0.25]),
        { lambda: 10, oneSided: false },
      ).dataSync()[0],
  );
  assertClose(t, value ?? Number.NaN, 1.25, 1e-5);
});

test('a constant critic (zero gradient) gets lambda (sqrt(1e-12) - 1)^2 and a finite, zero gradient', (t) => {
  const { value, gradient } = penaltyAndGradient([0, 0], false);
  assertClose(t, value, 10 * (1e-6 - 1) ** 2, 1e-5);
  t.deepEqual(gradient, [0, 0]);
});

test('the penalty leaks no tensor over 10 calls with gradients', (t) => {
  const weights = tf.variable(tf.tensor2d([0.3, -2], [2, 1]), true, 'gp-spec-leak');
  const call = (): void => {
    tf.tidy(() => {
      tf.variableGrads(
        () => gradientPenaltyTerm(linear(weights), real(), fake(), eps(), { lambda: 10, oneSided: false }),
        [weights],
      );
    });
  };
  call();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 10; i++) call();
  t.is(tf.memory().numTensors, before);
  weights.dispose();
});
