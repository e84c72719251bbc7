import { tf } from '@ipmgan/core';
import test from 'ava';
import { ganLosses } from './ganLosses.js';
import { assertClose, readNumber } from '@ipmgan/core/testing';

test.before(async () => {
  await tf.setBackend('cpu');
});

const softplus = (x: number): number => Math.log1p(Math.exp(x));

// Constant logits l_r = a on the real batch and l_g = b on the fake batch:
// -E_r[log D] = softplus(-a), -E_g[log(1 - D)] = softplus(b).
const a = 1.5;
const b = -0.5;
const constant = (value: number): tf.Tensor1D => tf.fill([4], value);

test('discriminator loss for constant logits is softplus(-a) + softplus(b)', (t) => {
  // softplus(-1.5) + softplus(-0.5) = 0.20141 + 0.47408 = 0.67549
  assertClose(t, readNumber(ganLosses.discriminator(constant(a), constant(b))), softplus(-a) + softplus(b));
});

test('one-sided label smoothing s = 0.9 makes the real term s softplus(-a) + (1 - s) softplus(a)', (t) => {
  const expected = 0.9 * softplus(-a) + 0.1 * softplus(a) + softplus(b);
  assertClose(t, readNumber(ganLosses.discriminator(constant(a), constant(b), 0.9)), expected);
});

test('non-saturating generator loss is -log D(g(z)) = softplus(-b)', (t) => {
  assertClose(t, readNumber(ganLosses.nonSaturating(constant(b))), softplus(-b));
});

test('minimax generator loss is log(1 - D(g(z))) = -softplus(b)', (t) => {
  assertClose(t, readNumber(ganLosses.minimax(constant(b))), -softplus(b));
});

test('the JS lower bound is 0.5 (-softplus(-a) - softplus(b)) + log 2', (t) => {
  assertClose(
    t,
    readNumber(ganLosses.jsLowerBound(constant(a), constant(b))),
    0.5 * (-softplus(-a) - softplus(b)) + Math.log(2),
  );
});

test('at logits 0 everywhere (D = 1/2) the bound is 0.5 (-2 log 2) + log 2 = 0', (t) => {
  assertClose(t, readNumber(ganLosses.jsLowerBound(constant(0), constant(0))), 0.5 * (-2 * Math.log(2)) + Math.log(2));
});

test('as D(real) -> 1 and D(fake) -> 0 the bound approaches log 2 from below', (t) => {
  let previous = -Infinity;
  for (const m of [1, 2, 4, 8]) {
    const bound = readNumber(ganLosses.jsLowerBound(constant(m), constant(-m)));
    // 0.5 (-2 softplus(-m)) + log 2 = log 2 - softplus(-m)
    assertClose(t, bound, Math.log(2) - softplus(-m), 1e-6);
    t.true(bound > previous && bound <= Math.log(2), `bound ${String(bound)} at m = ${String(m)}`);
    previous = bound;
  }
  assertClose(t, previous, Math.log(2), 1e-3);
});

test('logits of +-100 give finite losses, bound and gradients', (t) => {
  const extreme = (): tf.Tensor1D => tf.tensor1d([100, -100, 100, -100]);
  const values = [
    readNumber(ganLosses.discriminator(extreme(), extreme())),
    readNumber(ganLosses.discriminator(extreme(), extreme(), 0.9)),
    readNumber(ganLosses.nonSaturating(extreme())),
    readNumber(ganLosses.minimax(extreme())),
    readNumber(ganLosses.jsLowerBound(extreme(), extreme())),
  ];
  t.true(values.every(Number.isFinite), values.join(', '));
  // Real logits +-100 and fake logits +-100: each mean softplus is (100 + 0) / 2 = 50.
  assertClose(t, values[0] ?? Number.NaN, 100, 1e-4);
  const grads = tf.grads((r: tf.Tensor, f: tf.Tensor) => ganLosses.discriminator(r as tf.Tensor1D, f as tf.Tensor1D))([
    extreme(),
    extreme(),
  ]);
  t.true(grads.every((g) => Array.from(g.dataSync()).every(Number.isFinite)));
});

test('at D(g(z)) near 0 the non-saturating gradient stays strong where minimax vanishes', (t) => {
  // d/db softplus(-b) = -(1 - sigmoid(b)); d/db -softplus(b) = -sigmoid(b); mean over n = 4 samples.
  const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
  const fake = tf.fill([4], -5);
  const nonSaturating = tf
    .grad((l: tf.Tensor) => ganLosses.nonSaturating(l as tf.Tensor1D))(fake)
    .dataSync();
  const minimax = tf
    .grad((l: tf.Tensor) => ganLosses.minimax(l as tf.Tensor1D))(fake)
    .dataSync();
  assertClose(t, nonSaturating[0] ?? Number.NaN, -(1 - sigmoid(-5)) / 4);
  assertClose(t, minimax[0] ?? Number.NaN, -sigmoid(-5) / 4);
});
