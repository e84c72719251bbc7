import test from 'ava';
import { tf } from '../tensorflow.js';
import { createOptimizer } from './createOptimizer.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

/** One optimizer step on f(x) = g * x from x = 1; returns the new x. */
function oneStep(config: Parameters<typeof createOptimizer>[0], g: number): number {
  const x = tf.variable(tf.scalar(1), true, `opt-spec-${config.name}-${String(g)}`);
  const optimizer = createOptimizer(config);
  optimizer.minimize(() => tf.mul(x, g), false, [x]);
  const value = x.dataSync()[0] ?? Number.NaN;
  x.dispose();
  optimizer.dispose();
  return value;
}

test('rmsprop with decay 0.99: the first step is lr * g / sqrt(0.01 g^2) = 10 lr sign(g)', (t) => {
  const x = oneStep({ name: 'rmsprop', lr: 0.01, decay: 0.99, epsilon: 1e-8, momentum: 0 }, 3);
  t.true(Math.abs(x - (1 - 0.1)) < 1e-5, String(x));
});

test('rmsprop adds epsilon after the square root, as PyTorch does', (t) => {
  // g = 1e-6: ms = 0.01 * 1e-12 = 1e-14, step = 1e-6 / (1e-7 + 1e-8) = 9.0909...
  // (tf.train.rmsprop would give 1e-6 / sqrt(1e-14 + 1e-8) = 0.01, a 900x smaller step.)
  const x = oneStep({ name: 'rmsprop', lr: 0.01, decay: 0.99, epsilon: 1e-8, momentum: 0 }, 1e-6);
  t.true(Math.abs(x - (1 - (0.01 * 10) / 1.1)) < 1e-5, String(x));
});

test('rmsprop with momentum 0.5: two steps of g = 3 accumulate the buffer', (t) => {
  const v = tf.variable(tf.scalar(1), true, 'opt-spec-momentum');
  const optimizer = createOptimizer({ name: 'rmsprop', lr: 0.01, decay: 0.99, epsilon: 0, momentum: 0.5 });
  optimizer.minimize(() => tf.mul(v, 3), false, [v]);
  optimizer.minimize(() => tf.mul(v, 3), false, [v]);
  // step1 = 3 / sqrt(0.09) = 10; ms2 = 0.99*0.09 + 0.09 = 0.1791, step2 = 0.5*10 + 3/sqrt(0.1791)
  const expected = 1 - 0.01 * 10 - 0.01 * (5 + 3 / Math.sqrt(0.1791));
  t.true(Math.abs((v.dataSync()[0] ?? NaN) - expected) < 1e-5);
  v.dispose();
  optimizer.dispose();
});

test('adam: the first step is lr * sign(g) after bias correction', (t) => {
  const x = oneStep({ name: 'adam', lr: 0.01, beta1: 0.5, beta2: 0.999, epsilon: 1e-8 }, -4);
  t.true(Math.abs(x - (1 + 0.01)) < 1e-5, String(x));
});

test('sgd: x - lr * g', (t) => {
  const x = oneStep({ name: 'sgd', lr: 0.05 }, 2);
  t.true(Math.abs(x - (1 - 0.1)) < 1e-6, String(x));
});
