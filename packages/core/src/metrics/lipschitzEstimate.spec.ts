import test from 'ava';
import type { Critic } from '../contracts/Critic.js';
import { mlp } from '../networks/mlp.js';
import { ScoreCritic } from '../players/ScoreCritic.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { lipschitzEstimate } from './lipschitzEstimate.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test('a linear critic f(x) = <w, x> + b (an MLP without hidden layers) has K = ||w|| exactly', (t) => {
  const network = mlp.create(mlp.optionsSchema.parse({ hidden: [] }), {
    inputShape: [3],
    outputShape: [1],
    rng: new Rng(1),
    name: 'lipschitz_linear',
  });
  const critic = new ScoreCritic(network);
  const [kernel, bias] = critic.trainableVariables;
  kernel?.assign(tf.tensor2d([[2], [-3], [6]])); // ||w|| = 7
  bias?.assign(tf.tensor1d([0.5]));
  const real = tf.randomNormal([20, 3], 0, 1, 'float32', 1);
  const fake = tf.randomNormal([20, 3], 4, 2, 'float32', 2);
  const before = tf.memory().numTensors;
  const k = lipschitzEstimate(critic, real, fake, new Rng(3));
  t.is(tf.memory().numTensors, before);
  assertClose(t, k, 7, 7e-6);
  tf.dispose([real, fake]);
  network.dispose();
});

test('tanh critic in 1-D: the steepest points are the interpolates between +3 and -3', (t) => {
  // f(x) = tanh(x), f'(x) = 1 - tanh^2(x): 0.0099 at the real and fake points, up to 1 between them.
  const critic: Critic = {
    form: 'score',
    networks: [],
    trainableVariables: [],
    layers: [],
    evaluate: (x) => ({ score: tf.reshape(tf.tanh(x), [-1]) }),
  };
  const n = 16;
  const real = tf.fill([n, 1], 3);
  const fake = tf.fill([n, 1], -3);
  const draws = new Rng(8);
  // Interpolates eps * 3 + (1 - eps) * (-3) = 6 eps - 3, eps drawn in sample order.
  const expected = Math.max(...Array.from({ length: n }, () => 1 - Math.tanh(6 * draws.uniform() - 3) ** 2));
  const k = lipschitzEstimate(critic, real, fake, new Rng(8));
  t.true(expected > 0.5, String(expected)); // some interpolate lands well inside (-3, 3)
  assertClose(t, k, expected, 1e-5);
  const longer = tf.fill([n + 1, 1], 0);
  t.throws(() => lipschitzEstimate(critic, real, longer, new Rng(1)), { instanceOf: RangeError });
  tf.dispose([real, fake, longer]);
});
