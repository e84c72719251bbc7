import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import { kernelPaths, onNative, relativeError, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

const NAME = fusedKernelNames.denseActivation;
// [m, k, n]: odd sizes, a single row and column, k of 1, and the MLP's hidden layer.
const shapes: [number, number, number][] = [
  [7, 13, 5],
  [1, 1, 3],
  [33, 70, 65],
  [64, 512, 512],
];
const slopes = [0, 0.2, 1];

/** The dense layer by the fused kernel where registered, else as @ipmgan/core's ops: matMul, add, activation. */
function dense(shape: [number, number, number], withBias: boolean, slope: number, fusedRan: boolean[]): Float32Array {
  const [m, k, n] = shape;
  const x = tf.tensor(sample([m, k], m + k), [m, k]);
  const kernel = tf.tensor(sample([k, n], k + n + 1), [k, n]);
  const bias = tf.tensor(sample([n], n + 2), [n]);
  if ((tf.getKernel(NAME, tf.getBackend()) as tf.KernelConfig | undefined) !== undefined) {
    fusedRan.push(true);
    const inputs: tf.NamedTensorMap = withBias ? { x, kernel, bias } : { x, kernel };
    return tf.engine().runKernel<tf.Tensor>(NAME, inputs, { slope }).dataSync() as Float32Array;
  }
  const z = withBias ? tf.add(tf.matMul(x, kernel), bias) : tf.matMul(x, kernel);
  const y = slope === 1 ? z : slope === 0 ? tf.relu(z) : tf.leakyRelu(z, slope);
  return y.dataSync() as Float32Array;
}

/** Within 1e-5 of the reference's scale; an all-zero reference (ReLU of a negative row) must be matched exactly. */
function close(values: Float32Array, reference: Float32Array | undefined): boolean {
  if (reference === undefined || reference.length !== values.length) return false;
  if (reference.every((v) => v === 0)) return values.every((v) => v === 0);
  return relativeError([values], [reference]) <= 1e-5;
}

for (const withBias of [true, false]) {
  test.serial(
    `${NAME} (${withBias ? 'with' : 'without'} bias, slopes 0, 0.2, 1): wasm's and cpu's matMul, add and activation to 1e-5, no leaks`,
    async (t) => {
      const fusedRan: boolean[] = [];
      const { cpu, wasm, native } = await kernelPaths(NAME, () =>
        shapes.flatMap((shape) => slopes.map((slope) => dense(shape, withBias, slope, fusedRan))),
      );
      t.true(fusedRan.length > 0);
      t.is(native.length, shapes.length * slopes.length);
      native.forEach((values, i) => {
        t.true(close(values, wasm[i]), `case ${i} against wasm`);
        t.true(close(values, cpu[i]), `case ${i} against cpu`);
      });
    },
  );
}

test.serial(`${NAME} by hand: x [[1, -2]], kernel [[1, 2], [3, -1]], bias [0.5, 1]: z [-4.5, 5]`, async (t) => {
  const native = await onNative(() =>
    [0, 0.25, 1].map(
      (slope) =>
        tf
          .engine()
          .runKernel<tf.Tensor>(
            NAME,
            {
              x: tf.tensor2d([[1, -2]]),
              kernel: tf.tensor2d([
                [1, 2],
                [3, -1],
              ]),
              bias: tf.tensor1d([0.5, 1]),
            },
            { slope },
          )
          .dataSync() as Float32Array,
    ),
  );
  // z = [1 - 6 + 0.5, 2 + 2 + 1] = [-4.5, 5]; ReLU [0, 5], slope 0.25 [-1.125, 5], none [-4.5, 5].
  t.deepEqual(
    native.map((y) => Array.from(y)),
    [
      [0, 5],
      [-1.125, 5],
      [-4.5, 5],
    ],
  );
});

test.serial(`${NAME} rejects a 3-D x with one line naming the shapes`, async (t) => {
  await onNative(() => {
    t.throws(
      () => tf.engine().runKernel<tf.Tensor>(NAME, { x: tf.zeros([2, 2, 2]), kernel: tf.zeros([2, 2]) }, { slope: 0 }),
      {
        message: /IpmganDenseActivation expects float32 x \[m, k\].*got \[2, 2, 2\]/,
      },
    );
    return [];
  });
});
