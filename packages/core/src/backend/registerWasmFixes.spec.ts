import test from 'ava';
import * as tfl from '@tensorflow/tfjs-layers';

import { tf } from '../tensorflow.js';
import { batchMatMulGradConfig } from './batchMatMulGrad.js';
import { conv2dBackpropInputWasmConfig } from './conv2dBackpropInputWasm.js';
import { registerWasmFixes } from './registerWasmFixes.js';

type Backend = 'cpu' | 'wasm';

// Fixed inputs shared by both backends, drawn once from a seeded normal.
interface Sample {
  values: Float32Array;
  shape: number[];
}

// float32 sums over ~100s of terms lose ~1e-7 of their scale, so elements
// near zero have no meaningful relative error; compare against the scale.
const TOL = 1e-5;

// Stock tfjs BatchMatMul gradient (flags), for cpu reference values.
let stockBatchMatMulGrad: tf.GradConfig | undefined;

function sample(shape: number[], seed: number): Sample {
  return tf.tidy(() => ({
    values: tf.randomNormal(shape, 0, 1, 'float32', seed).dataSync() as Float32Array,
    shape,
  }));
}

function toTensor(s: Sample): tf.Tensor {
  return tf.tensor(s.values, s.shape);
}

// max |a - b| / (max |b| + 1e-6), over all elements of all pairs.
function maxRelativeError(a: Float32Array[], b: Float32Array[]): number {
  let diff = 0;
  let scale = 0;
  a.forEach((values, k) => {
    const ref = b[k];
    if (ref === undefined || ref.length !== values.length) {
      throw new Error(`Result ${k} differs in size.`);
    }
    values.forEach((v, i) => {
      const r = ref[i] ?? Number.NaN;
      diff = Math.max(diff, Math.abs(v - r));
      scale = Math.max(scale, Math.abs(r));
    });
  });
  return diff / (scale + 1e-6);
}

async function onBackend<T>(backend: Backend, fn: () => T): Promise<T> {
  await tf.setBackend(backend);
  return fn();
}

// Runs fn with the stock BatchMatMul gradient, then puts the fix back.
function withStockGradient<T>(fn: () => T): T {
  if (stockBatchMatMulGrad === undefined) {
    throw new Error('No stock BatchMatMul gradient was captured.');
  }
  tf.unregisterGradient(tf.BatchMatMul);
  tf.registerGradient(stockBatchMatMulGrad);
  try {
    return fn();
  } finally {
    tf.unregisterGradient(tf.BatchMatMul);
    tf.registerGradient(batchMatMulGradConfig);
  }
}

// Gradients of sum(f(inputs) * w) for fixed w, so dy is not all ones.
function gradsOf(f: (...xs: tf.Tensor[]) => tf.Tensor, inputs: Sample[], weight: Sample): Float32Array[] {
  return tf.tidy(() => {
    const loss = (...xs: tf.Tensor[]): tf.Tensor => tf.sum(tf.mul(f(...xs), toTensor(weight)));
    return tf
      .grads(loss)(inputs.map(toTensor))
      .map((g) => g.dataSync() as Float32Array);
  });
}

function outShape(f: (...xs: tf.Tensor[]) => tf.Tensor, inputs: Sample[]): number[] {
  return tf.tidy(() => f(...inputs.map(toTensor)).shape);
}

test.before(async () => {
  // wasm initializes asynchronously; start it, then draw samples on cpu.
  await tf.setBackend('wasm');
  await tf.setBackend('cpu');
  // Importing tensorflow.js loaded tfjs-layers, which registers the stock
  // gradients; keep the stock one before replacing it.
  stockBatchMatMulGrad = tf.getGradient(tf.BatchMatMul);
  registerWasmFixes();
});

test.serial('registerWasmFixes is idempotent', (t) => {
  const kernel = tf.getKernel(tf.Conv2DBackpropFilter, 'wasm');
  registerWasmFixes();
  registerWasmFixes();
  t.is(tf.getGradient(tf.BatchMatMul), batchMatMulGradConfig);
  t.is(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm'), kernel);
  t.truthy(kernel);
  t.is(tf.getKernel(tf.Conv2DBackpropInput, 'wasm'), conv2dBackpropInputWasmConfig);
});

const flagCases: Array<[boolean, boolean]> = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

// Shapes of a and b for an [m, k] x [k, n] product under the given flags.
function matMulShapes(
  [m, k, n]: [number, number, number],
  batch: number[],
  tA: boolean,
  tB: boolean,
): [number[], number[]] {
  return [
    [...batch, ...(tA ? [k, m] : [m, k])],
    [...batch, ...(tB ? [n, k] : [k, n])],
  ];
}

// [m, k, n]: a small m (batch-like) makes the gradient transpose dy and the
// output instead of b, so both ways of dropping the flags run.
const matMulSizes: Array<[number, number, number]> = [
  [5, 7, 4],
  [2, 6, 5],
];

for (const size of matMulSizes) {
  for (const batch of [[], [3]]) {
    for (const [tA, tB] of flagCases) {
      const [m, k, n] = size;
      const name = `matMul m${m} k${k} n${n} batch [${batch.join(',')}] tA=${tA} tB=${tB}`;
      test.serial(`${name}: gradient on wasm matches stock gradient on cpu`, async (t) => {
        const [aShape, bShape] = matMulShapes(size, batch, tA, tB);
        const inputs = [sample(aShape, 1), sample(bShape, 2)];
        const f = (a: tf.Tensor, b: tf.Tensor): tf.Tensor => tf.matMul(a, b, tA, tB);
        const weight = sample(outShape(f, inputs), 3);

        const stockCpu = await onBackend('cpu', () => withStockGradient(() => gradsOf(f, inputs, weight)));
        const fixedCpu = await onBackend('cpu', () => gradsOf(f, inputs, weight));
        const fixedWasm = await onBackend('wasm', () => gradsOf(f, inputs, weight));

        // Explicit transposes only move data: on cpu the values are bit-identical.
        t.deepEqual(fixedCpu, stockCpu);
        const error = maxRelativeError(fixedWasm, stockCpu);
        t.log(`max relative error ${error}`);
        t.true(error <= TOL);
      });
    }
  }
}

interface ConvCase {
  inChannels: number;
  outChannels: number;
  size: number;
  stride: number;
  pad: 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
}

const convCases: ConvCase[] = [
  { inChannels: 1, outChannels: 4, size: 3, stride: 1, pad: 'same' },
  { inChannels: 3, outChannels: 8, size: 3, stride: 1, pad: 'valid' },
  { inChannels: 4, outChannels: 2, size: 5, stride: 2, pad: 'same' },
  { inChannels: 8, outChannels: 16, size: 4, stride: 2, pad: 'same' },
  // 9 - 4 is odd, so stride 2 'valid' skips the last input row and column.
  { inChannels: 2, outChannels: 3, size: 4, stride: 2, pad: 'valid' },
  {
    inChannels: 3,
    outChannels: 5,
    size: 3,
    stride: 2,
    pad: [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0],
    ],
  },
];

for (const c of convCases) {
  const name = `conv2d ${c.inChannels}->${c.outChannels} k${c.size} s${c.stride} ${JSON.stringify(c.pad)}`;
  test.serial(`${name}: gradients on wasm match cpu`, async (t) => {
    const inputs = [sample([2, 9, 10, c.inChannels], 4), sample([c.size, c.size, c.inChannels, c.outChannels], 5)];
    const f = (x: tf.Tensor, w: tf.Tensor): tf.Tensor => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.stride, c.pad);
    const weight = sample(outShape(f, inputs), 6);

    const cpu = await onBackend('cpu', () => gradsOf(f, inputs, weight));
    const wasm = await onBackend('wasm', () => gradsOf(f, inputs, weight));

    const [dxWasm, dwWasm] = wasm;
    const [dxCpu, dwCpu] = cpu;
    if (!dxWasm || !dwWasm || !dxCpu || !dwCpu) {
      throw new Error('conv2d must have two gradients.');
    }
    const filterError = maxRelativeError([dwWasm], [dwCpu]);
    const inputError = maxRelativeError([dxWasm], [dxCpu]);
    t.log(`max relative error: filter ${filterError}, input ${inputError}`);
    t.true(filterError <= TOL, 'filter gradient');
    t.true(inputError <= TOL, 'input gradient');
  });
}

interface BackpropInputCase {
  inputShape: [number, number, number, number];
  filterSize: [number, number];
  outChannels: number;
  strides: [number, number];
  pad: 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
}

// The phase decomposition's corner cases: strides 1-3 (also unequal), a filter smaller than
// the stride (phases no tap reaches), sizes the stride does not divide, asymmetric padding.
const backpropInputCases: BackpropInputCase[] = [
  { inputShape: [2, 14, 14, 8], filterSize: [4, 4], outChannels: 6, strides: [2, 2], pad: 'same' },
  { inputShape: [3, 7, 9, 2], filterSize: [5, 3], outChannels: 4, strides: [1, 1], pad: 'same' },
  { inputShape: [2, 11, 10, 3], filterSize: [3, 3], outChannels: 5, strides: [3, 3], pad: 'same' },
  { inputShape: [2, 9, 8, 4], filterSize: [2, 2], outChannels: 3, strides: [3, 2], pad: 'valid' },
  { inputShape: [1, 10, 9, 2], filterSize: [4, 5], outChannels: 2, strides: [2, 3], pad: 'valid' },
  {
    inputShape: [2, 8, 7, 3],
    filterSize: [3, 4],
    outChannels: 4,
    strides: [2, 2],
    pad: [
      [0, 0],
      [2, 0],
      [0, 3],
      [0, 0],
    ],
  },
];

for (const c of backpropInputCases) {
  const name = `conv2DBackpropInput x [${c.inputShape.join(',')}] k ${c.filterSize.join('x')} s ${c.strides.join('x')} ${JSON.stringify(c.pad)}`;
  test.serial(`${name}: wasm matches cpu`, async (t) => {
    const inChannels = c.inputShape[3];
    const filter = sample([...c.filterSize, inChannels, c.outChannels], 20);
    const forward = (x: tf.Tensor4D, w: tf.Tensor4D): tf.Tensor4D => tf.conv2d(x, w, c.strides, c.pad);
    const dyShape = tf.tidy(() => forward(tf.zeros(c.inputShape), toTensor(filter) as tf.Tensor4D).shape);
    const dy = sample(dyShape, 21);
    const dx = (): Float32Array =>
      tf.tidy(
        () =>
          tf
            .conv2dTranspose(
              toTensor(dy) as tf.Tensor4D,
              toTensor(filter) as tf.Tensor4D,
              c.inputShape,
              c.strides,
              c.pad,
            )
            .dataSync() as Float32Array,
      );

    const cpu = await onBackend('cpu', dx);
    const wasm = await onBackend('wasm', dx);
    t.is(
      wasm.length,
      c.inputShape.reduce((a, b) => a * b, 1),
    );
    const error = maxRelativeError([wasm], [cpu]);
    t.log(`max relative error ${error}`);
    t.true(error <= TOL);
  });
}

for (const [stride, padding] of [
  [2, 'same'],
  [1, 'valid'],
] as const) {
  test.serial(`conv2dTranspose layer s${stride} ${padding}: gradients on wasm match cpu`, async (t) => {
    const x = sample([2, 4, 5, 6], 7);
    const kernel = sample([5, 5, 3, 6], 8);
    const bias = sample([3], 9);
    const run = (): Float32Array[] =>
      tf.tidy(() => {
        const layer = tfl.layers.conv2dTranspose({
          filters: 3,
          kernelSize: 5,
          strides: stride,
          padding,
        });
        const input = toTensor(x);
        layer.build(input.shape);
        layer.setWeights([toTensor(kernel), toTensor(bias)]);
        const y = layer.apply(input) as tf.Tensor;
        const w = tf.randomNormal(y.shape, 0, 1, 'float32', 10);
        const loss = (): tf.Scalar => tf.sum(tf.mul(layer.apply(input) as tf.Tensor, w));
        const { grads } = tf.variableGrads(loss);
        const dx = tf.grads((i: tf.Tensor) => tf.sum(tf.mul(layer.apply(i) as tf.Tensor, w)))([input]);
        const out = [...layer.trainableWeights.map((v) => grads[v.name]), ...dx];
        // Layer.dispose() needs a symbolic call; free the variables directly.
        layer.weights.forEach((v) => {
          v.dispose();
        });
        return out.map((g) => {
          if (g === undefined) {
            throw new Error('Missing gradient.');
          }
          return g.dataSync() as Float32Array;
        });
      });

    const cpu = await onBackend('cpu', run);
    const wasm = await onBackend('wasm', run);
    t.is(wasm.length, 3);
    const error = maxRelativeError(wasm, cpu);
    t.log(`max relative error ${error}`);
    t.true(error <= TOL);
  });
}

test.serial('a 2-layer conv net trains one SGD step on wasm', async (t) => {
  await tf.setBackend('wasm');
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        inputShape: [8, 8, 2],
        filters: 4,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'relu',
      }),
      tfl.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'valid' }),
    ],
  });
  const x = toTensor(sample([4, 8, 8, 2], 11));
  const target = tf.zeros([4, 2, 2, 1]);
  const before = model.getWeights().map((w) => w.dataSync().slice());
  const loss = tf.train
    .sgd(0.1)
    .minimize(() => tf.mean<tf.Scalar>(tf.square(tf.sub(model.apply(x) as tf.Tensor, target))), true);

  t.truthy(loss);
  t.true(Number.isFinite(loss?.dataSync()[0]));
  const after = model.getWeights().map((w) => w.dataSync());
  t.true(
    after.some((w, i) => w.some((v, j) => v !== before[i]?.[j])),
    'weights moved',
  );
  tf.dispose([x, target]);
  loss?.dispose();
  model.dispose();
});

test.serial('a tiny DCGAN (conv2dTranspose, batch norm, relu, leakyRelu, tanh, sigmoid) trains on wasm', async (t) => {
  await tf.setBackend('wasm');
  const generator = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [8], units: 4 * 4 * 8 }),
      tfl.layers.reshape({ targetShape: [4, 4, 8] }),
      tfl.layers.batchNormalization(),
      tfl.layers.reLU(),
      tfl.layers.conv2dTranspose({ filters: 4, kernelSize: 5, strides: 2, padding: 'same' }),
      tfl.layers.batchNormalization(),
      tfl.layers.reLU(),
      tfl.layers.conv2dTranspose({
        filters: 1,
        kernelSize: 5,
        strides: 2,
        padding: 'same',
        activation: 'tanh',
      }),
    ],
  });
  const discriminator = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        inputShape: [16, 16, 1],
        filters: 4,
        kernelSize: 5,
        strides: 2,
        padding: 'same',
      }),
      tfl.layers.leakyReLU({ alpha: 0.2 }),
      tfl.layers.conv2d({ filters: 8, kernelSize: 5, strides: 2, padding: 'same' }),
      tfl.layers.batchNormalization(),
      tfl.layers.leakyReLU({ alpha: 0.2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  const z = toTensor(sample([4, 8], 12));
  const optimizer = tf.train.adam(1e-3);
  const loss = optimizer.minimize(() => {
    const fake = generator.apply(z, { training: true }) as tf.Tensor;
    const p = discriminator.apply(fake, { training: true }) as tf.Tensor;
    return tf.neg(tf.mean<tf.Scalar>(tf.log(tf.add(p, 1e-7))));
  }, true);

  t.true(Number.isFinite(loss?.dataSync()[0]));
  z.dispose();
  loss?.dispose();
  optimizer.dispose();
  generator.dispose();
  discriminator.dispose();
});

test.serial('repeated gradient calls on wasm leak no tensors or buffers', async (t) => {
  await tf.setBackend('wasm');
  const a = toTensor(sample([6, 5], 13));
  const b = toTensor(sample([6, 4], 14));
  const x = toTensor(sample([2, 9, 9, 3], 15));
  const w = toTensor(sample([3, 3, 3, 4], 16));
  const y = toTensor(sample([2, 3, 3, 4], 17));
  const step = (): void => {
    tf.tidy(() => {
      tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.sum(tf.matMul(p, q, true, false)))([a, b]);
      tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.sum(tf.conv2d(p as tf.Tensor4D, q as tf.Tensor4D, 2, 'same')))([
        x,
        w,
      ]);
      // conv2dTranspose's forward and its filter gradient; stride 3 on 9 also runs the final Slice.
      tf.grads((p: tf.Tensor, q: tf.Tensor) =>
        tf.sum(tf.conv2dTranspose(p as tf.Tensor4D, q as tf.Tensor4D, [2, 8, 8, 3], 3, 'same')),
      )([y, w]);
    });
  };

  step();
  const { numTensors } = tf.memory();
  // The engine does not see buffers a kernel allocates on the backend itself.
  const numDataIds = tf.backend().numDataIds();
  for (let i = 0; i < 5; i++) {
    step();
  }
  t.is(tf.memory().numTensors, numTensors);
  t.is(tf.backend().numDataIds(), numDataIds);
  tf.dispose([a, b, x, w, y]);
});
