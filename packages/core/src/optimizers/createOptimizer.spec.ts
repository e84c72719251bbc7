import test from 'ava';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
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

/** `steps` optimizer steps on f(x) = x^2 / 2 (gradient x); returns x after each. */
function trajectory(steps: number, optimizer: tf.Optimizer, x: tf.Variable): number[] {
  const seen: number[] = [];
  for (let i = 0; i < steps; i++) {
    optimizer.minimize(() => tf.mul<tf.Scalar>(tf.square(x), 0.5), false, [x]);
    seen.push(x.dataSync()[0] ?? Number.NaN);
  }
  return seen;
}

test('adam, two steps on x^2/2 from 1: bias corrections from the step count, as torch.optim.Adam', (t) => {
  const x = tf.variable(tf.scalar(1), true, 'opt-spec-adam-two');
  const optimizer = createOptimizer({ name: 'adam', lr: 0.01, beta1: 0.5, beta2: 0.999, epsilon: 1e-8 });
  const [x1 = NaN, x2 = NaN] = trajectory(2, optimizer, x);
  // step 1: m = 0.5, v = 0.001, w = 1 - (0.01 / 0.5) * 0.5 / (sqrt(0.001) / sqrt(0.001) + 1e-8)
  assertClose(t, x1, 1 - (0.02 * 0.5) / (1 + 1e-8), 1e-7);
  // step 2: g = x1, m = 0.5 * 0.5 + 0.5 * x1, v = 0.999 * 0.001 + 0.001 * x1^2
  const m = 0.25 + 0.5 * x1;
  const v = 0.999 * 0.001 + 0.001 * x1 * x1;
  const denominator = Math.sqrt(v) / Math.sqrt(1 - 0.999 ** 2) + 1e-8;
  assertClose(t, x2, x1 - (0.01 / (1 - 0.25)) * (m / denominator), 1e-7);
  x.dispose();
  optimizer.dispose();
});

for (const config of [
  { name: 'adam', lr: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  { name: 'rmsprop', lr: 0.05, decay: 0.99, epsilon: 1e-8, momentum: 0.5 },
  { name: 'sgd', lr: 0.05 },
] as const) {
  test(`${config.name}: getWeights after 29 steps, setWeights into a new optimizer, 31 more steps are bit-identical to 60 uninterrupted`, async (t) => {
    const whole = tf.variable(tf.scalar(1), true, `opt-spec-whole-${config.name}`);
    const wholeOptimizer = createOptimizer(config);
    const expected = trajectory(60, wholeOptimizer, whole);

    const parted = tf.variable(tf.scalar(1), true, `opt-spec-parted-${config.name}`);
    const first = createOptimizer(config);
    // (tf.train.adam fails this from 29 steps on: its restored beta^t is a pow(), not the products.)
    trajectory(29, first, parted);
    // Through float32 copies, as a checkpoint stores them.
    const saved = (await first.getWeights()).map(({ name, tensor }) => ({
      name,
      tensor: tf.tensor(Float32Array.from(tensor.dataSync()), tensor.shape),
    }));
    first.dispose();
    const second = createOptimizer(config);
    await second.setWeights(saved);
    t.is(second.iterations, 29);
    const resumed = trajectory(31, second, parted);
    t.deepEqual(resumed, expected.slice(29));
    tf.dispose([whole, parted, ...saved.map((s) => s.tensor)]);
    wholeOptimizer.dispose();
    second.dispose();
  });
}
