import test from 'ava';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { inputGradient } from './inputGradient.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test('the gradient of f(x)_i = sum_j x_ij^2 + 3 x_i0 is 2 x + (3, 0), row by row, in the shape of x', (t) => {
  const x = tf.tensor2d([
    [1, -2],
    [0.5, 4],
    [-3, 0],
  ]);
  const g = inputGradient(
    (v) => tf.add(tf.sum(tf.square(v), 1), tf.mul(3, tf.reshape(tf.slice(v, [0, 0], [-1, 1]), [-1]))),
    x,
  );
  t.deepEqual(g.shape, [3, 2]);
  const expected = [2 * 1 + 3, 2 * -2, 2 * 0.5 + 3, 2 * 4, 2 * -3 + 3, 0];
  Array.from(g.dataSync()).forEach((v, i) => {
    assertClose(t, v, expected[i] ?? Number.NaN, 1e-6);
  });
  tf.dispose([x, g]);
});

/** A linear critic's weights w = (0.6, -1.5) [2, 1] (a variable) and two points x [2, 2]: grad_x (x . w) = w. */
function linearCase(): { w: tf.Variable; x: tf.Tensor2D } {
  const w = tf.variable(tf.tensor2d([[0.6], [-1.5]]), true); // [2, 1]
  const x = tf.tensor2d([
    [1, 2],
    [3, 4],
  ]);
  return { w, x };
}

test('on the tape: d/dw of ||grad_x (x . w)||^2 = ||w||^2 is 2 w (a gradient of a gradient), leaking nothing', (t) => {
  const { w, x } = linearCase();
  const before = tf.memory().numTensors;
  const { value, grads } = tf.variableGrads(() => {
    const g = inputGradient((v) => tf.reshape<tf.Rank.R1>(tf.matMul(v, w), [-1]), x); // [2, 2], each row w
    return tf.mean<tf.Scalar>(tf.sum(tf.square(g), 1));
  }, [w]);
  assertClose(t, value.dataSync()[0] ?? Number.NaN, 0.36 + 2.25, 1e-6);
  const dw = Array.from(grads[w.name]?.dataSync() ?? []);
  t.is(dw.length, 2);
  assertClose(t, dw[0] ?? Number.NaN, 1.2, 1e-6);
  assertClose(t, dw[1] ?? Number.NaN, -3, 1e-6);
  tf.dispose([value, ...Object.values(grads)]);
  t.is(tf.memory().numTensors, before);
  tf.dispose([w, x]);
});

test('on the tape, tensors f closes over that were computed from x count as constants (the partial gradient)', (t) => {
  const { w, x } = linearCase();
  const { value, grads } = tf.variableGrads(() => {
    // A reference computed from x earlier in the step (a witness's mean over the real batch).
    const reference = tf.mean(tf.matMul(x, w));
    const g = inputGradient((v) => tf.add(tf.reshape<tf.Rank.R1>(tf.matMul(v, w), [-1]), reference), x);
    // Each row of g is w: the reference's own dependence on x (w / 2 per row) is not added.
    t.deepEqual(Array.from(g.dataSync()), [0.6, -1.5, 0.6, -1.5].map(Math.fround));
    return tf.sum<tf.Scalar>(g);
  }, [w]);
  tf.dispose([value, ...Object.values(grads), w, x]);
});
