import test from 'ava';
import { tf } from '../tensorflow.js';
import { scoreOf } from '../contracts/scoreOf.js';
import { assertClose } from './assertClose.js';
import { linearCritic } from './linearCritic.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test('f(x) = x . w + b with its one layer visible, reparametrisable in the forward pass', (t) => {
  const critic = linearCritic([3, 4], 0.5);
  const score = (): number[] =>
    tf.tidy(() => Array.from(scoreOf(critic.evaluate(tf.tensor2d([[1, 2]]), true), 'test').dataSync()));
  assertClose(t, score()[0] ?? Number.NaN, 3 + 8 + 0.5);
  t.deepEqual(critic.layers[0]?.kernel.shape, [2, 1]);
  critic.layers[0]?.reparametrise((kernel) => tf.div(kernel, tf.norm(kernel))); // w / ||w|| = (0.6, 0.8)
  assertClose(t, score()[0] ?? Number.NaN, 0.6 + 1.6 + 0.5);
  critic.networks[0]?.dispose();
});
