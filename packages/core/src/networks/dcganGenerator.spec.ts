import test from 'ava';
import { registerWasmFixes } from '../backend/registerWasmFixes.js';
import type { Network } from '../contracts/Network.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { dcganGenerator } from './dcganGenerator.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

let uid = 0;
function build(options: Record<string, unknown>, inputShape = [100], seed = 1, outputShape = [28, 28, 1]): Network {
  return dcganGenerator.create(dcganGenerator.optionsSchema.parse(options), {
    inputShape,
    outputShape,
    rng: new Rng(seed),
    name: `dcganGenSpec${uid++}`,
  });
}

const countParams = (net: Network): number => net.trainableVariables.reduce((n, v) => n + v.size, 0);

// Gradients of sum(g(z) * w) for a fixed random w, read back as arrays in variable order.
function gradients(net: Network, z: tf.Tensor, w: tf.Tensor): Float32Array[] {
  const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(net.apply(z, true), w)), [...net.trainableVariables]);
  const out = net.trainableVariables.map((v) => {
    const g = grads[v.name];
    if (g === undefined) throw new Error(`${v.name} has no gradient`);
    return g.dataSync() as Float32Array;
  });
  tf.dispose([value, grads]);
  return out;
}

test('options parse({}) gives every default', (t) => {
  t.deepEqual(dcganGenerator.optionsSchema.parse({}), {
    filters: 64,
    batchNorm: true,
    constantFilters: false,
    outputActivation: 'tanh',
    init: 'dcgan',
  });
  t.is(dcganGenerator.id, 'dcgan-generator');
});

test('output shape [b, 28, 28, 1] in tanh range; sigmoid option gives [0, 1]', (t) => {
  for (const [outputActivation, lo, hi] of [
    ['tanh', -1, 1],
    ['sigmoid', 0, 1],
  ] as const) {
    const net = build({ filters: 8, outputActivation, init: 'pytorch' });
    const z = tf.randomNormal([3, 100], 0, 1, 'float32', 2);
    const y = net.apply(z, true);
    t.deepEqual(y.shape, [3, 28, 28, 1]);
    const values = Array.from(y.dataSync());
    t.true(values.every((v) => v >= lo && v <= hi));
    t.true(values.some((v) => v !== values[0])); // not a constant image
    tf.dispose([z, y]);
    net.dispose();
  }
});

test('rejects output shapes other than [28, 28, 1], naming them', (t) => {
  t.throws(() => build({}, [100], 1, [32, 32, 3]), { message: /\[28, 28, 1\].*\[32, 32, 3\]/ });
  t.throws(() => build({}, [100], 1, [784]), { message: /\[784\]/ });
});

test('parameter counts (z 100, filters 64) with and without batch norm and constantFilters', (t) => {
  const counts = {
    // dense 100 -> 7*7*128 (no bias: BN follows), BN(128), deconv 4x4 128->64 (no bias), BN(64), deconv 4x4 64->1 + bias
    doubling: 100 * 7 * 7 * 128 + 2 * 128 + 4 * 4 * 64 * 128 + 2 * 64 + 4 * 4 * 1 * 64 + 1,
    // every conv layer 64 channels: dense 100 -> 7*7*64, BN(64), deconv 64->64, BN(64), deconv 64->1 + bias
    constant: 100 * 7 * 7 * 64 + 2 * 64 + 4 * 4 * 64 * 64 + 2 * 64 + 4 * 4 * 1 * 64 + 1,
    // without BN every layer has a bias
    doublingNoBn: 100 * 7 * 7 * 128 + 7 * 7 * 128 + 4 * 4 * 64 * 128 + 64 + 4 * 4 * 1 * 64 + 1,
    constantNoBn: 100 * 7 * 7 * 64 + 7 * 7 * 64 + 4 * 4 * 64 * 64 + 64 + 4 * 4 * 1 * 64 + 1,
  };
  t.deepEqual(counts, { doubling: 759681, constant: 380417, doublingNoBn: 765633, constantNoBn: 383361 });
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
});

test('variable names, shapes and state', (t) => {
  const net = build({ filters: 8 }, [10]);
  const prefix = `dcganGenSpec${uid - 1}`;
  t.deepEqual(
    net.trainableVariables.map((v) => [v.name, v.shape]),
    [
      [`${prefix}/layer0/kernel`, [10, 7 * 7 * 16]],
      [`${prefix}/layer1/gamma`, [16]],
      [`${prefix}/layer1/beta`, [16]],
      [`${prefix}/layer2/kernel`, [4, 4, 8, 16]],
      [`${prefix}/layer3/gamma`, [8]],
      [`${prefix}/layer3/beta`, [8]],
      [`${prefix}/layer4/kernel`, [4, 4, 1, 8]],
      [`${prefix}/layer4/bias`, [1]],
    ],
  );
  t.deepEqual(
    net.stateVariables.map((v) => v.shape),
    [[16], [16], [8], [8]],
  );
  net.dispose();
});

test('dcgan init: weights N(0, 0.02), bias 0, gamma N(1, 0.02); same seed same weights', (t) => {
  const a = build({});
  const b = build({});
  const c = build({}, [100], 2);
  const kernel = Array.from(a.trainableVariables[0]?.dataSync() ?? []); // [100, 6272]
  const mean = kernel.reduce((s, v) => s + v, 0) / kernel.length;
  const std = Math.sqrt(kernel.reduce((s, v) => s + (v - mean) ** 2, 0) / kernel.length);
  t.true(Math.abs(std - 0.02) < 0.02 * 0.02 && Math.abs(mean) < 0.001, `mean ${mean} std ${std}`);
  const gamma = Array.from(a.trainableVariables[1]?.dataSync() ?? []);
  t.true(gamma.every((g) => Math.abs(g - 1) < 0.1) && gamma.some((g) => g !== 1));
  t.deepEqual(Array.from(a.trainableVariables[7]?.dataSync() ?? []), [0]);
  a.trainableVariables.forEach((v, i) => t.deepEqual(v.dataSync(), b.trainableVariables[i]?.dataSync()));
  t.notDeepEqual(a.trainableVariables[0]?.dataSync(), c.trainableVariables[0]?.dataSync());
  for (const n of [a, b, c]) n.dispose();
});

test.serial('on wasm with registerWasmFixes the gradients match cpu', async (t) => {
  const net = build({ filters: 8 }, [12]);
  const z = tf.randomNormal([4, 12], 0, 1, 'float32', 5);
  const w = tf.randomNormal([4, 28, 28, 1], 0, 1, 'float32', 6);
  const snapshot = net.trainableVariables.map((v) => v.dataSync().slice());
  const stateSnapshot = net.stateVariables.map((v) => v.dataSync().slice());
  const onCpu = gradients(net, z, w);
  // Restore the running stats the cpu pass moved, so both passes see the same state.
  tf.tidy(() => {
    net.stateVariables.forEach((v, i) => {
      v.assign(tf.tensor(stateSnapshot[i] ?? [], v.shape));
    });
  });
  registerWasmFixes();
  try {
    t.true(await tf.setBackend('wasm'));
    const onWasm = gradients(net, z, w);
    net.trainableVariables.forEach((v, i) => {
      t.deepEqual(v.dataSync(), snapshot[i]);
      const a = onWasm[i] ?? new Float32Array();
      const b = onCpu[i] ?? new Float32Array();
      const scale = b.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      const diff = a.reduce((m, x, j) => Math.max(m, Math.abs(x - (b[j] ?? Number.NaN))), 0);
      t.true(diff <= 1e-4 * scale + 1e-7, `${v.name}: max diff ${diff}, scale ${scale}`);
    });
  } finally {
    await tf.setBackend('cpu');
  }
  tf.dispose([z, w]);
  net.dispose();
});

test('estimateSize counts exactly the weights the network builds; activations as derived by hand', (t) => {
  for (const options of [
    {},
    { batchNorm: false },
    { constantFilters: true, filters: 8 },
    { filters: 3, batchNorm: false },
  ]) {
    const parsed = dcganGenerator.optionsSchema.parse(options);
    const net = build(options);
    const built = [...net.trainableVariables, ...net.stateVariables].reduce((n, v) => n + v.size, 0);
    t.is(dcganGenerator.estimateSize?.(parsed, { inputShape: [100], outputShape: [28, 28, 1] }).weights, built);
    net.dispose();
  }
  // filters 64, batch norm: C1 = 128, C2 = 64. Dense 7x7x128 (+ BN, ReLU), 14x14x64 (+ BN, ReLU),
  // 28x28x1 (+ tanh): 3 * 6272 + 3 * 12544 + 2 * 784 = 58016.
  t.is(
    dcganGenerator.estimateSize?.(dcganGenerator.optionsSchema.parse({}), {
      inputShape: [100],
      outputShape: [28, 28, 1],
    }).activationsPerSample,
    58016,
  );
});
