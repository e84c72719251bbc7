import test from 'ava';
import { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import { batchNorm } from './batchNorm.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// [4, 3]: three features with different means and spreads.
const X = [
  [1, 10, -2],
  [2, 20, -2.5],
  [3, 30, 0],
  [6, 40, 4.5],
];

function perFeature(rows: number[][], j: number): { mean: number; biasedVar: number; unbiasedVar: number } {
  const col = rows.map((r) => r[j] ?? Number.NaN);
  const mean = col.reduce((a, b) => a + b, 0) / col.length;
  const ss = col.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, biasedVar: ss / col.length, unbiasedVar: ss / (col.length - 1) };
}

function near(actual: number, expected: number, tol: number): boolean {
  return Math.abs(actual - expected) <= tol;
}

test('training mode normalises each feature to mean 0 and variance 1', (t) => {
  const layer = batchNorm({ name: 'bnSpec/a', channels: 3, init: 'pytorch', rng: new Rng(1) });
  const y = tf.tidy(() => layer.apply(tf.tensor2d(X), true));
  const rows = y.arraySync() as number[][];
  for (let j = 0; j < 3; j++) {
    const { mean, biasedVar } = perFeature(rows, j);
    t.true(near(mean, 0, 1e-5), `feature ${j} mean ${mean}`);
    // eps = 1e-5 shrinks the variance by var/(var+eps), well inside 1e-3 here.
    t.true(near(biasedVar, 1, 1e-3), `feature ${j} variance ${biasedVar}`);
  }
  y.dispose();
  for (const v of [...layer.trainableVariables, ...layer.stateVariables]) v.dispose();
});

test('one training step moves the running stats by momentum 0.1 (PyTorch convention)', (t) => {
  const layer = batchNorm({ name: 'bnSpec/b', channels: 3, init: 'pytorch', rng: new Rng(1) });
  const [runningMean, runningVar] = layer.stateVariables;
  if (runningMean === undefined || runningVar === undefined) throw new Error('missing state');
  t.deepEqual(Array.from(runningMean.dataSync()), [0, 0, 0]);
  t.deepEqual(Array.from(runningVar.dataSync()), [1, 1, 1]);
  tf.tidy(() => layer.apply(tf.tensor2d(X), true));
  const m = runningMean.dataSync();
  const v = runningVar.dataSync();
  for (let j = 0; j < 3; j++) {
    const s = perFeature(X, j);
    // running mean = 0.9 * 0 + 0.1 * batch mean
    t.true(near(m[j] ?? Number.NaN, 0.1 * s.mean, 1e-6 * (1 + Math.abs(s.mean))), `mean ${j}`);
    // running var = 0.9 * 1 + 0.1 * unbiased batch variance
    const expectedVar = 0.9 + 0.1 * s.unbiasedVar;
    t.true(near(v[j] ?? Number.NaN, expectedVar, 1e-5 * expectedVar), `var ${j}: ${v[j]} vs ${expectedVar}`);
  }
  for (const x of [...layer.trainableVariables, ...layer.stateVariables]) x.dispose();
});

test('eval mode uses the running stats and leaves them unchanged', (t) => {
  const layer = batchNorm({ name: 'bnSpec/c', channels: 2, init: 'pytorch', rng: new Rng(1) });
  const [gamma, beta] = layer.trainableVariables;
  const [runningMean, runningVar] = layer.stateVariables;
  if (gamma === undefined || beta === undefined || runningMean === undefined || runningVar === undefined) {
    throw new Error('missing variables');
  }
  tf.tidy(() => {
    runningMean.assign(tf.tensor1d([1, -2]));
    runningVar.assign(tf.tensor1d([4, 0.25]));
    gamma.assign(tf.tensor1d([2, 1]));
    beta.assign(tf.tensor1d([0.5, 0]));
  });
  const y = tf.tidy(() =>
    layer.apply(
      tf.tensor2d([
        [3, -1],
        [1, -2],
      ]),
      false,
    ),
  );
  const out = y.arraySync() as number[][];
  const eps = 1e-5;
  // (x - mean) / sqrt(var + eps) * gamma + beta
  const expected = [
    [((3 - 1) / Math.sqrt(4 + eps)) * 2 + 0.5, (-1 + 2) / Math.sqrt(0.25 + eps)],
    [0.5, 0],
  ];
  out.forEach((row, i) => {
    row.forEach((value, j) => t.true(near(value, expected[i]?.[j] ?? Number.NaN, 1e-5), `[${i}][${j}] ${value}`));
  });
  t.deepEqual(Array.from(runningMean.dataSync()), [1, -2]);
  t.deepEqual(Array.from(runningVar.dataSync()), [4, 0.25]);
  y.dispose();
  for (const x of [...layer.trainableVariables, ...layer.stateVariables]) x.dispose();
});

test('NHWC input is normalised per channel over batch, height and width', (t) => {
  const layer = batchNorm({ name: 'bnSpec/d', channels: 2, init: 'pytorch', rng: new Rng(1) });
  const x = tf.tidy(() =>
    tf.add(tf.mul(tf.randomNormal([3, 4, 5, 2], 0, 1, 'float32', 11), tf.tensor1d([3, 0.5])), tf.tensor1d([7, -1])),
  );
  const y = tf.tidy(() => layer.apply(x, true));
  const { mean, variance } = tf.tidy(() => tf.moments(y, [0, 1, 2]));
  for (const m of mean.dataSync()) t.true(near(m, 0, 1e-5), `mean ${m}`);
  for (const v of variance.dataSync()) t.true(near(v, 1, 1e-3), `variance ${v}`);
  const xMean = tf.tidy(() => tf.moments(x, [0, 1, 2]).mean);
  const running = layer.stateVariables[0];
  if (running === undefined) throw new Error('missing state');
  const expected = xMean.dataSync();
  running.dataSync().forEach((r, j) => t.true(near(r, 0.1 * (expected[j] ?? Number.NaN), 1e-5), `channel ${j}`));
  tf.dispose([x, y, mean, variance, xMean]);
  for (const v of [...layer.trainableVariables, ...layer.stateVariables]) v.dispose();
});

test('running stats update inside optimizer.minimize, with gradients and stable memory', (t) => {
  const layer = batchNorm({ name: 'bnSpec/e', channels: 3, init: 'pytorch', rng: new Rng(1) });
  const [gamma, beta] = layer.trainableVariables;
  const [runningMean] = layer.stateVariables;
  if (gamma === undefined || beta === undefined || runningMean === undefined) throw new Error('missing variables');
  const x = tf.tensor2d(X);
  const target = tf.tensor2d([
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
    [1, 1, 1],
  ]);
  const optimizer = tf.train.sgd(0.01);
  const step = (): void => {
    tf.tidy(() => {
      optimizer.minimize(() => tf.mean(tf.squaredDifference(layer.apply(x, true), target)), false, [gamma, beta]);
    });
  };
  step();
  const afterFirst = tf.memory().numTensors;
  const batchMean = [0, 1, 2].map((j) => perFeature(X, j).mean);
  t.true(runningMean.dataSync().every((m, j) => near(m, 0.1 * (batchMean[j] ?? Number.NaN), 1e-5)));
  t.notDeepEqual(Array.from(gamma.dataSync()), [1, 1, 1]);
  for (let i = 1; i < 20; i++) step();
  t.is(tf.memory().numTensors, afterFirst);
  // After n steps on the same batch, running mean = (1 - 0.9^n) * batch mean.
  const factor = 1 - 0.9 ** 20;
  t.true(runningMean.dataSync().every((m, j) => near(m, factor * (batchMean[j] ?? Number.NaN), 1e-4)));
  t.false(runningMean.isDisposed);
  tf.dispose([x, target]);
  optimizer.dispose();
  for (const v of [...layer.trainableVariables, ...layer.stateVariables]) v.dispose();
});

test('training mode rejects a batch with one value per channel and a wrong channel count', (t) => {
  const layer = batchNorm({ name: 'bnSpec/f', channels: 3, init: 'pytorch', rng: new Rng(1) });
  t.throws(() => tf.tidy(() => layer.apply(tf.ones([1, 3]), true)), { message: /more than one value/ });
  t.throws(() => tf.tidy(() => layer.apply(tf.ones([4, 2]), true)), { message: /3 channels/ });
  for (const v of [...layer.trainableVariables, ...layer.stateVariables]) v.dispose();
});
