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

test('adam: the first step is lr * sign(g) after bias correction', (t) => {
  const x = oneStep({ name: 'adam', lr: 0.01, beta1: 0.5, beta2: 0.999, epsilon: 1e-8 }, -4);
  t.true(Math.abs(x - (1 + 0.01)) < 1e-5, String(x));
});

test('sgd: x - lr * g', (t) => {
  const x = oneStep({ name: 'sgd', lr: 0.05 }, 2);
  t.true(Math.abs(x - (1 - 0.1)) < 1e-6, String(x));
});
