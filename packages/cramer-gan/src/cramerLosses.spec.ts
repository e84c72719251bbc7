import { tf } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import { assertClose, readNumbers } from '@ipmgan/core/testing';
import test from 'ava';
import { cramerCritic, cramerLosses } from './cramerLosses.js';

test.before(async () => {
  await useBackend('cpu');
});

// One triple: h(x_r) = (0, 2), h(x_g) = (1, 0), h(x'_g) = (0, -1).
const hReal = (): tf.Tensor2D => tf.tensor2d([[0, 2]]);
const hGenerated = (): tf.Tensor2D => tf.tensor2d([[1, 0]]);
const hPartner = (): tf.Tensor2D => tf.tensor2d([[0, -1]]);

test('f(x) = ||h(x) - h(x_g)|| - ||h(x)||, row by row: (||(0, 4)|| - 5, ||(1, 1)|| - 1)', (t) => {
  const f = readNumbers(
    cramerCritic(
      tf.tensor2d([
        [3, 4],
        [1, 0],
      ]),
      tf.tensor2d([
        [3, 0],
        [0, -1],
      ]),
    ),
  );
  assertClose(t, f[0] ?? Number.NaN, 4 - 5, 1e-6);
  assertClose(t, f[1] ?? Number.NaN, Math.SQRT2 - 1, 1e-6);
});

test('surrogate f(x_r) - f(x_g) = (3 - 2) - (sqrt 2 - 1); generator ||(-1, 2)|| + 3 - sqrt 2', (t) => {
  const { surrogate, generator } = cramerLosses(hReal(), hGenerated(), hPartner());
  assertClose(t, readNumbers(surrogate)[0] ?? Number.NaN, 1 - (Math.SQRT2 - 1), 1e-6);
  assertClose(t, readNumbers(generator)[0] ?? Number.NaN, Math.sqrt(5) + 3 - Math.SQRT2, 1e-6);
});

test('both are means over the triples: a second triple averages in', (t) => {
  // Second triple in 1-D terms on the first axis: h(x_r) = (2, 0), h(x_g) = (-1, 0), h(x'_g) = (1, 0):
  //   f(x_r) = 1 - 2 = -1, f(x_g) = 2 - 1 = 1: surrogate -2; generator 3 + 1 - 2 = 2.
  const two = (a: number[], b: number[]) => tf.tensor2d([a, b]);
  const { surrogate, generator } = cramerLosses(two([0, 2], [2, 0]), two([1, 0], [-1, 0]), two([0, -1], [1, 0]));
  assertClose(t, readNumbers(surrogate)[0] ?? Number.NaN, (2 - Math.SQRT2 - 2) / 2, 1e-6);
  assertClose(t, readNumbers(generator)[0] ?? Number.NaN, (Math.sqrt(5) + 3 - Math.SQRT2 + 2) / 2, 1e-6);
});

test("d surrogate / d h(x_g) = -((h - h') / ||h - h'|| - h / ||h||) = (1 - 1/sqrt 2, -1/sqrt 2), by hand", (t) => {
  const g = readNumbers(
    tf.grad((h: tf.Tensor) => cramerLosses(hReal(), h as tf.Tensor2D, hPartner()).surrogate)(hGenerated()),
  );
  assertClose(t, g[0] ?? Number.NaN, 1 - Math.SQRT1_2, 1e-6);
  assertClose(t, g[1] ?? Number.NaN, -Math.SQRT1_2, 1e-6);
});

test('the gradient stays finite where two generated points coincide (the norm floor)', (t) => {
  const g = readNumbers(
    tf.grad((h: tf.Tensor) => cramerLosses(hReal(), h as tf.Tensor2D, hGenerated()).generator)(hGenerated()),
  );
  t.true(g.every(Number.isFinite), g.join(', '));
});

test('no tensor is left behind', (t) => {
  const [r, g, p] = [hReal(), hGenerated(), hPartner()];
  const before = tf.memory().numTensors;
  const { surrogate, generator } = cramerLosses(r, g, p);
  tf.dispose([surrogate, generator, cramerCritic(r, p)]);
  t.is(tf.memory().numTensors, before);
});
