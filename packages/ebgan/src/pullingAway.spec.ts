import { tf } from '@ipmgan/core';
import test from 'ava';
import { pullingAway } from './pullingAway.js';
import { assertClose } from '@ipmgan/core/testing';

test.before(async () => {
  await tf.setBackend('cpu');
});

const pt = (codes: number[][]): number => pullingAway(tf.tensor2d(codes)).dataSync()[0] ?? Number.NaN;

test('mutually orthogonal codes give 0', (t) => {
  assertClose(
    t,
    pt([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, -3],
    ]),
    0,
  );
});

test('identical (and parallel) codes give 1', (t) => {
  assertClose(
    t,
    pt([
      [1, 2],
      [1, 2],
      [1, 2],
    ]),
    1,
  );
  assertClose(
    t,
    pt([
      [1, 2],
      [-2, -4],
    ]),
    1,
  );
});

test('three codes by hand: (1, 0), (1, 1), (0, 2) give 1/3', (t) => {
  // cos^2(s1, s2) = (1 / sqrt 2)^2 = 1/2;  cos^2(s1, s3) = 0;  cos^2(s2, s3) = (2 / (sqrt 2 * 2))^2 = 1/2.
  // sum over i != j counts each pair twice: 2 (1/2 + 0 + 1/2) = 2; N (N - 1) = 6; PT = 2 / 6.
  assertClose(
    t,
    pt([
      [1, 0],
      [1, 1],
      [0, 2],
    ]),
    2 / 6,
  );
});

test('a batch of one code has no pair: 0', (t) => {
  t.is(pt([[1, 2]]), 0);
});

test('the gradient is finite at a zero code and PT leaks no tensor', (t) => {
  const codes = tf.variable(
    tf.tensor2d([
      [0, 0],
      [1, 1],
    ]),
  );
  pullingAway(codes).dispose();
  const before = tf.memory().numTensors;
  const { value, grads } = tf.variableGrads(() => pullingAway(codes), [codes]);
  const g = Array.from(Object.values(grads)[0]?.dataSync() ?? []);
  t.true(g.length === 4 && g.every(Number.isFinite), `gradient ${g.join(', ')}`);
  tf.dispose([value, ...Object.values(grads)]);
  t.is(tf.memory().numTensors, before);
  codes.dispose();
});
