import test from 'ava';
import type { Network } from '../contracts/Network.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { mlp } from './mlp.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

let uid = 0;
function build(options: Record<string, unknown>, inputShape: number[], outputShape: number[], seed = 1): Network {
  return mlp.create(mlp.optionsSchema.parse(options), {
    inputShape,
    outputShape,
    rng: new Rng(seed),
    name: `mlpSpec${uid++}`,
  });
}

const countParams = (net: Network): number => net.trainableVariables.reduce((n, v) => n + v.size, 0);

// Assigns flat values, one array per trainable variable in order.
function setWeights(net: Network, values: number[][]): void {
  tf.tidy(() => {
    net.trainableVariables.forEach((v, i) => {
      v.assign(tf.tensor(values[i] ?? [], v.shape));
    });
  });
}

const close = (a: number[], b: number[], tol = 1e-5): boolean =>
  a.length === b.length && a.every((v, i) => Math.abs(v - (b[i] ?? Number.NaN)) <= tol);

test('options parse({}) gives every default; unknown keys are rejected', (t) => {
  t.deepEqual(mlp.optionsSchema.parse({}), {
    hidden: [512, 512, 512],
    activation: 'relu',
    leakySlope: 0.2,
    batchNorm: false,
    outputActivation: 'none',
    init: 'pytorch',
  });
  t.throws(() => mlp.optionsSchema.parse({ hiden: [3] }));
  t.is(mlp.kind, 'network');
  t.is(mlp.id, 'mlp');
});

test('hand-set weights give the hand-computed output for a 2-point input', (t) => {
  const x = tf.tensor2d([
    [1, 2],
    [-1, 0.5],
  ]);
  // W1 [2, 3] = [[1, -1, 0.5], [2, 0, -1]], b1 [3], W2 [3, 1], b2 [1]
  const weights = [[1, -1, 0.5, 2, 0, -1], [0.1, 0.2, -0.3], [1, -2, 3], [0.5]];
  const run = (options: Record<string, unknown>): number[] => {
    const net = build({ hidden: [3], ...options }, [2], [1]);
    setWeights(net, weights);
    const y = net.apply(x, false);
    t.deepEqual(y.shape, [2, 1]);
    const out = Array.from(y.dataSync());
    y.dispose();
    net.dispose();
    return out;
  };
  // Point 1: h = [1+4+0.1, -1+0.2, 0.5-2-0.3] = [5.1, -0.8, -1.8]; relu -> [5.1, 0, 0]; y = 5.1 + 0.5 = 5.6
  // Point 2: h = [-1+1+0.1, 1+0.2, -0.5-0.5-0.3] = [0.1, 1.2, -1.3]; relu -> [0.1, 1.2, 0]; y = 0.1 - 2.4 + 0.5 = -1.8
  t.true(close(run({}), [5.6, -1.8]));
  // leakyRelu 0.2: [5.1, -0.16, -0.36] -> 5.1 + 0.32 - 1.08 + 0.5 = 4.84; [0.1, 1.2, -0.26] -> 0.1 - 2.4 - 0.78 + 0.5 = -2.58
  t.true(close(run({ activation: 'leakyRelu' }), [4.84, -2.58]));
  // tanh hidden: y = tanh(h) . [1, -2, 3] + 0.5
  const tanhOut = (h: number[]): number =>
    Math.tanh(h[0] ?? 0) - 2 * Math.tanh(h[1] ?? 0) + 3 * Math.tanh(h[2] ?? 0) + 0.5;
  t.true(close(run({ activation: 'tanh' }), [tanhOut([5.1, -0.8, -1.8]), tanhOut([0.1, 1.2, -1.3])]));
  t.true(close(run({ outputActivation: 'tanh' }), [Math.tanh(5.6), Math.tanh(-1.8)]));
  t.true(close(run({ outputActivation: 'sigmoid' }), [1 / (1 + Math.exp(-5.6)), 1 / (1 + Math.exp(1.8))]));
  x.dispose();
});

test('2 -> 3x512 -> 1 has 2*512+512 + 2*(512*512+512) + 512+1 trainable parameters', (t) => {
  const net = build({}, [2], [1]);
  t.is(countParams(net), 2 * 512 + 512 + 2 * (512 * 512 + 512) + 512 + 1); // 527361
  t.is(countParams(net), 527361);
  t.deepEqual(
    net.trainableVariables.map((v) => v.shape),
    [[2, 512], [512], [512, 512], [512], [512, 512], [512], [512, 1], [1]],
  );
  t.is(net.trainableVariables[0]?.name, `mlpSpec${uid - 1}/layer0/kernel`);
  t.is(net.stateVariables.length, 0);
  net.dispose();
});

test('batch norm adds gamma and beta per hidden unit and drops the hidden biases it would cancel', (t) => {
  const net = build({ batchNorm: true }, [2], [1]);
  // kernels 2*512 + 2*512*512 + 512*1, output bias 1, gamma+beta 3*2*512
  t.is(countParams(net), 2 * 512 + 2 * 512 * 512 + 512 + 1 + 3 * 2 * 512);
  t.is(
    net.stateVariables.reduce((n, v) => n + v.size, 0),
    3 * 2 * 512,
  );
  net.dispose();
});

test('weights of the layer with fan-in 512 lie in +-1/sqrt(512) with std bound/sqrt(3) within 5%', (t) => {
  const net = build({}, [2], [1]);
  const bound = 1 / Math.sqrt(512);
  const expectedStd = bound / Math.sqrt(3);
  for (const v of net.trainableVariables.slice(2, 4)) {
    // layer1 kernel [512, 512] and bias [512], both fan-in 512
    const values = Array.from(v.dataSync());
    t.true(
      values.every((w) => w >= -bound && w <= bound),
      v.name,
    );
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    t.true(Math.abs(std - expectedStd) <= 0.05 * expectedStd, `${v.name}: std ${std} vs ${expectedStd}`);
  }
  net.dispose();
});

test('input is flattened and the output reshaped to [batch, ...outputShape]', (t) => {
  const net = build({ hidden: [4] }, [2, 3], [2, 2]);
  t.deepEqual(net.trainableVariables[0]?.shape, [6, 4]);
  const y = net.apply(tf.ones([5, 2, 3]), true);
  t.deepEqual(y.shape, [5, 2, 2]);
  y.dispose();
  net.dispose();
});

test('batch norm: hand-computed outputs in training (batch stats) and eval (running stats) mode', (t) => {
  const net = build({ hidden: [3], batchNorm: true }, [2], [1]);
  t.deepEqual(
    net.trainableVariables.map((v) => v.shape),
    [[2, 3], [3], [3], [3, 1], [1]],
  ); // W1, gamma, beta, W2, b2
  setWeights(net, [[1, -1, 0.5, 2, 0, -1], [1, 1, 1], [0, 0, 0], [1, -2, 3], [0.5]]);
  const x = tf.tensor2d([
    [1, 2],
    [-1, 0.5],
  ]);
  const eps = 1e-5;
  // h = x W1: point 1 [5, -1, -1.5], point 2 [0, 1, -1].
  // Eval with the initial running stats (mean 0, var 1): h / sqrt(1 + eps) -> relu -> W2 + b2.
  const s = Math.sqrt(1 + eps);
  const evalOut = net.apply(x, false);
  t.true(close(Array.from(evalOut.dataSync()), [5 / s + 0.5, -2 / s + 0.5]));
  // Training: per feature, two points normalise to -+1 scaled by 1/sqrt(1 + eps/var),
  // var = [6.25, 1, 0.0625]; point 1 -> [a0, -a1, -a2], point 2 -> [-a0, a1, a2].
  const a = [6.25, 1, 0.0625].map((v) => 1 / Math.sqrt(1 + eps / v));
  const [a0 = 0, a1 = 0, a2 = 0] = a;
  const trainOut = net.apply(x, true);
  t.true(close(Array.from(trainOut.dataSync()), [a0 + 0.5, -2 * a1 + 3 * a2 + 0.5]));
  // That step moved the running mean to 0.1 * batch mean [2.5, 0, -1.25].
  t.true(close(Array.from(net.stateVariables[0]?.dataSync() ?? []), [0.25, 0, -0.125], 1e-6));
  // Unbiased batch variance of two points is 2 * var: running var = 0.9 + 0.1 * [12.5, 2, 0.125].
  t.true(close(Array.from(net.stateVariables[1]?.dataSync() ?? []), [2.15, 1.1, 0.9125], 1e-6));
  // Eval now uses the new running stats.
  const evalAfter = net.apply(x, false);
  const rm = [0.25, 0, -0.125];
  const rv = [2.15, 1.1, 0.9125];
  const hs = [
    [5, -1, -1.5],
    [0, 1, -1],
  ];
  const expected = hs.map((h) =>
    h
      .map((v, j) => Math.max(0, (v - (rm[j] ?? 0)) / Math.sqrt((rv[j] ?? 0) + eps)))
      .reduce((sum, v, j) => sum + v * ([1, -2, 3][j] ?? 0), 0.5),
  );
  t.true(close(Array.from(evalAfter.dataSync()), expected));
  tf.dispose([x, evalOut, trainOut, evalAfter]);
  net.dispose();
});
