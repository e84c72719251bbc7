import test from 'ava';
import { registerWasmFixes } from '../backend/registerWasmFixes.js';
import type { Network } from '../contracts/Network.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { dcganCritic } from './dcganCritic.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

let uid = 0;
function build(options: Record<string, unknown>, outputShape = [1], seed = 1, inputShape = [28, 28, 1]): Network {
  return dcganCritic.create(dcganCritic.optionsSchema.parse(options), {
    inputShape,
    outputShape,
    rng: new Rng(seed),
    name: `dcganCriticSpec${uid++}`,
  });
}

const countParams = (net: Network): number => net.trainableVariables.reduce((n, v) => n + v.size, 0);

// Gradients of sum(f(x) * w) for a fixed random w, read back as arrays in variable order.
function gradients(net: Network, x: tf.Tensor, w: tf.Tensor): Float32Array[] {
  const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(net.apply(x, true), w)), [...net.trainableVariables]);
  const out = net.trainableVariables.map((v) => {
    const g = grads[v.name];
    if (g === undefined) throw new Error(`${v.name} has no gradient`);
    return g.dataSync() as Float32Array;
  });
  tf.dispose([value, grads]);
  return out;
}

test('options parse({}) gives every default', (t) => {
  t.deepEqual(dcganCritic.optionsSchema.parse({}), {
    filters: 64,
    batchNorm: true,
    constantFilters: false,
    outputActivation: 'none',
    init: 'dcgan',
  });
  t.is(dcganCritic.id, 'dcgan-critic');
});

test('score output [b, 1]; any output shape for an encoder', (t) => {
  const x = tf.randomUniform([3, 28, 28, 1], -1, 1, 'float32', 2);
  const score = build({ filters: 8 });
  const y = score.apply(x, true);
  t.deepEqual(y.shape, [3, 1]);
  const encoder = build({ filters: 8, outputActivation: 'tanh' }, [4, 2]);
  const code = encoder.apply(x, false);
  t.deepEqual(code.shape, [3, 4, 2]);
  t.true(Array.from(code.dataSync()).every((v) => v >= -1 && v <= 1));
  tf.dispose([x, y, code]);
  score.dispose();
  encoder.dispose();
});

test('rejects input shapes other than [28, 28, 1], naming them', (t) => {
  t.throws(() => build({}, [1], 1, [784]), { message: /\[28, 28, 1\].*\[784\]/ });
  t.throws(() => build({}, [1], 1, [28, 28, 3]), { message: /\[28, 28, 3\]/ });
});

test('parameter counts (filters 64, score) with and without batch norm and constantFilters', (t) => {
  const counts = {
    // conv 4x4 1->64 + bias, conv 4x4 64->128 (no bias: BN follows), BN(128), dense 7*7*128 -> 1 + bias
    doubling: 4 * 4 * 1 * 64 + 64 + 4 * 4 * 64 * 128 + 2 * 128 + 7 * 7 * 128 + 1,
    // every conv layer 64 channels: conv 1->64 + bias, conv 64->64, BN(64), dense 7*7*64 -> 1 + bias
    constant: 4 * 4 * 1 * 64 + 64 + 4 * 4 * 64 * 64 + 2 * 64 + 7 * 7 * 64 + 1,
    // without BN the second conv has a bias
    doublingNoBn: 4 * 4 * 1 * 64 + 64 + 4 * 4 * 64 * 128 + 128 + 7 * 7 * 128 + 1,
    constantNoBn: 4 * 4 * 1 * 64 + 64 + 4 * 4 * 64 * 64 + 64 + 7 * 7 * 64 + 1,
  };
  t.deepEqual(counts, { doubling: 138689, constant: 69889, doublingNoBn: 138561, constantNoBn: 69825 });
  const cases: Array<[Record<string, unknown>, number]> = [
    [{}, counts.doubling],
    [{ constantFilters: true }, counts.constant],
    [{ batchNorm: false }, counts.doublingNoBn],
    [{ batchNorm: false, constantFilters: true }, counts.constantNoBn],
  ];
  for (const [options, expected] of cases) {
    const net = build(options);
    t.is(countParams(net), expected, JSON.stringify(options));
    net.dispose();
  }
  // An encoder to a 16-dim code only changes the dense layer: 7*7*128*16 + 16 instead of 7*7*128 + 1.
  const encoder = build({}, [16]);
  t.is(countParams(encoder), counts.doubling - (7 * 7 * 128 + 1) + 7 * 7 * 128 * 16 + 16);
  encoder.dispose();
});

test('variable names, shapes and state', (t) => {
  const net = build({ filters: 8 });
  const prefix = `dcganCriticSpec${uid - 1}`;
  t.deepEqual(
    net.trainableVariables.map((v) => [v.name, v.shape]),
    [
      [`${prefix}/layer0/kernel`, [4, 4, 1, 8]],
      [`${prefix}/layer0/bias`, [8]],
      [`${prefix}/layer1/kernel`, [4, 4, 8, 16]],
      [`${prefix}/layer2/gamma`, [16]],
      [`${prefix}/layer2/beta`, [16]],
      [`${prefix}/layer3/kernel`, [7 * 7 * 16, 1]],
      [`${prefix}/layer3/bias`, [1]],
    ],
  );
  t.deepEqual(
    net.stateVariables.map((v) => v.name),
    [`${prefix}/layer2/runningMean`, `${prefix}/layer2/runningVar`],
  );
  net.dispose();
});

test('same seed same weights, another seed different; pytorch init stays in its bounds', (t) => {
  const a = build({ init: 'pytorch' });
  const b = build({ init: 'pytorch' });
  const c = build({ init: 'pytorch' }, [1], 2);
  a.trainableVariables.forEach((v, i) => t.deepEqual(v.dataSync(), b.trainableVariables[i]?.dataSync()));
  t.notDeepEqual(a.trainableVariables[0]?.dataSync(), c.trainableVariables[0]?.dataSync());
  // fan-in: conv0 1*4*4, conv1 64*4*4, dense 7*7*128
  const bounds = [16, 16, 64 * 16, 1, 1, 7 * 7 * 128, 7 * 7 * 128].map((f) => 1 / Math.sqrt(f));
  a.trainableVariables.forEach((v, i) => {
    if (v.name.endsWith('gamma') || v.name.endsWith('beta')) return;
    t.true(
      Array.from(v.dataSync()).every((w) => Math.abs(w) <= (bounds[i] ?? 0)),
      v.name,
    );
  });
  for (const n of [a, b, c]) n.dispose();
});

test.serial('on wasm with registerWasmFixes the gradients match cpu and training keeps memory flat', async (t) => {
  const net = build({ filters: 8 });
  const x = tf.randomUniform([4, 28, 28, 1], -1, 1, 'float32', 5);
  const w = tf.randomNormal([4, 1], 0, 1, 'float32', 6);
  const stateSnapshot = net.stateVariables.map((v) => v.dataSync().slice());
  const onCpu = gradients(net, x, w);
  // Restore the running stats the cpu pass moved, so both passes see the same state.
  tf.tidy(() => {
    net.stateVariables.forEach((v, i) => {
      v.assign(tf.tensor(stateSnapshot[i] ?? [], v.shape));
    });
  });
  registerWasmFixes();
  try {
    t.true(await tf.setBackend('wasm'));
    const onWasm = gradients(net, x, w);
    net.trainableVariables.forEach((v, i) => {
      const a = onWasm[i] ?? new Float32Array();
      const b = onCpu[i] ?? new Float32Array();
      const scale = b.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
      const diff = a.reduce((m, e, j) => Math.max(m, Math.abs(e - (b[j] ?? Number.NaN))), 0);
      t.true(diff <= 1e-4 * scale + 1e-7, `${v.name}: max diff ${diff}, scale ${scale}`);
    });
    const optimizer = tf.train.sgd(0.01);
    const step = (): void => {
      tf.tidy(() => {
        optimizer.minimize(() => tf.mean(net.apply(x, true)), false, [...net.trainableVariables]);
      });
    };
    step();
    const afterFirst = tf.memory().numTensors;
    for (let i = 1; i < 5; i++) step();
    t.is(tf.memory().numTensors, afterFirst);
    optimizer.dispose();
  } finally {
    await tf.setBackend('cpu');
  }
  tf.dispose([x, w]);
  net.dispose();
});

test('estimateSize counts exactly the weights the network builds; activations as derived by hand', (t) => {
  for (const [options, out] of [
    [{}, [1]],
    [{ batchNorm: false }, [1]],
    [{ constantFilters: true, filters: 8 }, [1]],
    [{ filters: 3 }, [5]],
  ] as const) {
    const parsed = dcganCritic.optionsSchema.parse(options);
    const net = build(options, [...out]);
    const built = [...net.trainableVariables, ...net.stateVariables].reduce((n, v) => n + v.size, 0);
    t.is(dcganCritic.estimateSize?.(parsed, { inputShape: [28, 28, 1], outputShape: [...out] }).weights, built);
    net.dispose();
  }
  // filters 64, batch norm: 14x14x64 (+ LeakyReLU), 7x7x128 (+ BN, LeakyReLU), the score (+ its
  // activation): 2 * 12544 + 3 * 6272 + 2 * 1 = 43906.
  t.is(
    dcganCritic.estimateSize?.(dcganCritic.optionsSchema.parse({}), {
      inputShape: [28, 28, 1],
      outputShape: [1],
    }).activationsPerSample,
    43906,
  );
});
