import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import { kernelPaths, relativeError, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

const EPSILON = 1e-5;
// Odd shapes, channels last; DCGAN's critic layer at a small batch.
const shapes = [
  [5, 3, 7],
  [9, 6],
  [4, 7, 7, 16],
];
const slopes = [0, 0.2, 1];

function hasKernel(name: string): boolean {
  return (tf.getKernel(name, tf.getBackend()) as tf.KernelConfig | undefined) !== undefined;
}

/** @ipmgan/core's batchNorm layer in training, op for op: moments, normalise, LeakyReLU(slope). */
function composite(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, slope: number): tf.Tensor[] {
  const { mean, variance } = tf.moments(
    x,
    x.shape.slice(0, -1).map((_, i) => i),
  );
  const normalised = tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, EPSILON))), gamma), beta);
  return [tf.leakyRelu(normalised, slope), mean, variance];
}

function inputs(shape: number[], k: number): [tf.Tensor, tf.Tensor, tf.Tensor] {
  const c = shape[shape.length - 1] ?? 0;
  // An offset and a spread per channel, so the statistics matter.
  const x = tf.add(tf.mul(tf.tensor(sample(shape, 100 + k), shape), 3), tf.range(0, c));
  return [x, tf.tensor(sample([c], 200 + k), [c]), tf.tensor(sample([c], 300 + k), [c])];
}

test.serial(
  `${fusedKernelNames.batchNormActivation}: y, mean and variance match core's composite on wasm and cpu to 1e-5`,
  async (t) => {
    let fusedRuns = 0;
    const { cpu, wasm, native } = await kernelPaths(fusedKernelNames.batchNormActivation, () =>
      shapes.flatMap((shape, k) =>
        slopes
          .flatMap((slope) => {
            const [x, gamma, beta] = inputs(shape, k);
            if (!hasKernel(fusedKernelNames.batchNormActivation)) return composite(x, gamma, beta, slope);
            fusedRuns++;
            return tf
              .engine()
              .runKernel<tf.Tensor[]>(
                fusedKernelNames.batchNormActivation,
                { x, gamma, beta },
                { epsilon: EPSILON, slope },
              );
          })
          .map((r) => r.dataSync() as Float32Array),
      ),
    );
    t.true(fusedRuns > 0);
    native.forEach((result, i) => {
      t.true(relativeError([result], [wasm[i] ?? new Float32Array()]) <= 1e-5, `output ${i} vs wasm`);
      t.true(relativeError([result], [cpu[i] ?? new Float32Array()]) <= 1e-5, `output ${i} vs cpu`);
    });
  },
);

test.serial(
  `${fusedKernelNames.batchNormActivationGrad}: dx, dgamma, dbeta match autodiff of the composite on wasm and cpu to 1e-5`,
  async (t) => {
    let fusedRuns = 0;
    const { cpu, wasm, native } = await kernelPaths(fusedKernelNames.batchNormActivationGrad, () =>
      shapes.flatMap((shape, k) =>
        slopes
          .flatMap((slope) => {
            const [x, gamma, beta] = inputs(shape, k);
            const dy = tf.tensor(sample(shape, 400 + k), shape);
            if (!hasKernel(fusedKernelNames.batchNormActivationGrad)) {
              const loss = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor =>
                tf.sum(tf.mul(composite(a, g, b, slope)[0] ?? a, dy));
              return tf.grads(loss)([x, gamma, beta]);
            }
            fusedRuns++;
            const [y, mean, variance] = tf
              .engine()
              .runKernel<tf.Tensor[]>(
                fusedKernelNames.batchNormActivation,
                { x, gamma, beta },
                { epsilon: EPSILON, slope },
              );
            return tf
              .engine()
              .runKernel<tf.Tensor[]>(
                fusedKernelNames.batchNormActivationGrad,
                { dy, x, gamma, mean: mean ?? x, variance: variance ?? x, y: y ?? x },
                { epsilon: EPSILON, slope },
              );
          })
          .map((r) => r.dataSync() as Float32Array),
      ),
    );
    t.true(fusedRuns > 0);
    native.forEach((result, i) => {
      t.true(relativeError([result], [wasm[i] ?? new Float32Array()]) <= 1e-5, `output ${i} vs wasm`);
      t.true(relativeError([result], [cpu[i] ?? new Float32Array()]) <= 1e-5, `output ${i} vs cpu`);
    });
  },
);
