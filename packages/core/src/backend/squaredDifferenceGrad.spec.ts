import test from 'ava';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { squaredDifferenceGradConfig } from './squaredDifferenceGrad.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

const values = (x: tf.Tensor | undefined): number[] => Array.from(x?.dataSync() ?? []);

function closeAll(t: Parameters<typeof assertClose>[0], actual: number[], expected: number[]): void {
  t.true(actual.length === expected.length, `${String(actual.length)} values, not ${String(expected.length)}`);
  expected.forEach((e, i) => {
    assertClose(t, actual[i] ?? Number.NaN, e, 1e-5);
  });
}

test("loading core registers the fixed gradient in place of tfjs 4.22's own", (t) => {
  t.is(tf.getGradient(tf.SquaredDifference), squaredDifferenceGradConfig);
});

test('x [3, 2] against a row b [2]: d/dx = 2 (x - b) in x shape, d/db = column sums of 2 (b - x)', (t) => {
  const x = tf.tensor2d([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  const b = tf.tensor1d([0.5, -1]);
  const [dx, db] = tf.grads((u: tf.Tensor, v: tf.Tensor) => tf.sum(tf.squaredDifference(u, v)))([x, b]);
  t.deepEqual(dx?.shape, [3, 2]);
  t.deepEqual(db?.shape, [2]);
  // 2 (x - b) = 2 [[0.5, 3], [2.5, 5], [4.5, 7]]
  closeAll(t, values(dx), [1, 6, 5, 10, 9, 14]);
  // 2 sum_i (b - x_i) = 2 (3 * 0.5 - 9, 3 * -1 - 12) = (-15, -30)
  closeAll(t, values(db), [-15, -30]);
  tf.dispose([x, b, dx, db]);
});

test('a column [3, 1] against a scalar, with an upstream gradient that is not ones', (t) => {
  const x = tf.tensor2d([[1], [2], [4]]);
  const c = tf.scalar(3);
  const weights = tf.tensor2d([[1], [10], [100]]);
  // L = sum_i w_i (x_i - c)^2: dL/dx_i = 2 w_i (x_i - c), dL/dc = -2 sum_i w_i (x_i - c).
  const [dx, dc] = tf.grads((u: tf.Tensor, v: tf.Tensor) => tf.sum(tf.mul(weights, tf.squaredDifference(u, v))))([
    x,
    c,
  ]);
  t.deepEqual(dc?.shape, []);
  closeAll(t, values(dx), [2 * 1 * -2, 2 * 10 * -1, 2 * 100 * 1]);
  closeAll(t, values(dc), [-2 * (1 * -2 + 10 * -1 + 100 * 1)]);
  tf.dispose([x, c, weights, dx, dc]);
});

test('a gradient of the gradient: d/dw of ||d/dx sum (x - w)^2||^2 = d/dw sum_i ||2 (x_i - w)||^2 = -8 sum_i (x_i - w)', (t) => {
  const x = tf.tensor2d([
    [1, 2],
    [3, 5],
  ]);
  const w = tf.variable(tf.tensor1d([0, 1]), true);
  const { grads } = tf.variableGrads(() => {
    const g = tf.grad((u: tf.Tensor) => tf.sum(tf.squaredDifference(u, w)))(tf.clone(x));
    return tf.sum<tf.Scalar>(tf.square(g));
  }, [w]);
  // sum_i (x_i - w) = (1 + 3, 1 + 4) = (4, 5)
  closeAll(t, values(grads[w.name]), [-32, -40]);
  tf.dispose([x, w, ...Object.values(grads)]);
});
