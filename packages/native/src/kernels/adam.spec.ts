import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import { assertOptimizerStepsMatch } from '../testing/assertOptimizerStepsMatch.js';
import { onNative, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

const settings = [
  { lr: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  { lr: 0.05, beta1: 0.3, beta2: 0.99, epsilon: 1e-6 },
] as const;

/** Five steps from fixed state; each by the fused kernel where registered, else core's TorchAdam ops. */
function steps(shape: number[], s: (typeof settings)[number], fusedRan: boolean[]): Float32Array[] {
  let w = tf.tensor(sample(shape, 1), shape);
  let m = tf.tensor(sample(shape, 2), shape);
  let v = tf.abs(tf.tensor(sample(shape, 3), shape));
  for (let step = 1; step <= 5; step++) {
    const g = tf.tensor(sample(shape, 10 + step), shape);
    const stepSize = s.lr / (1 - s.beta1 ** step);
    const correction2Sqrt = Math.sqrt(1 - s.beta2 ** step);
    if ((tf.getKernel(fusedKernelNames.adam, tf.getBackend()) as tf.KernelConfig | undefined) !== undefined) {
      fusedRan.push(true);
      const attrs = { beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon, stepSize, correction2Sqrt };
      const [next, nextM, nextV] = tf
        .engine()
        .runKernel<tf.Tensor[]>(fusedKernelNames.adam, { variable: w, gradient: g, m, v }, attrs);
      if (next === undefined || nextM === undefined || nextV === undefined) throw new Error('too few outputs');
      [w, m, v] = [next, nextM, nextV];
      continue;
    }
    // @ipmgan/core's TorchAdam, op for op.
    const weight = 1 - s.beta1;
    const difference = tf.sub(g, m);
    const first = weight < 0.5 ? tf.add(m, tf.mul(difference, weight)) : tf.sub(g, tf.mul(difference, 1 - weight));
    const second = tf.add(tf.mul(v, s.beta2), tf.mul(tf.mul(g, 1 - s.beta2), g));
    const denominator = tf.add(tf.div(tf.sqrt(second), correction2Sqrt), s.epsilon);
    [w, m, v] = [tf.add(w, tf.div(tf.mul(first, -stepSize), denominator)), first, second];
  }
  return [w, m, v].map((t) => t.dataSync() as Float32Array);
}

for (const s of settings) {
  test.serial(
    `${fusedKernelNames.adam} (beta1 ${s.beta1}): 5 steps equal wasm's composite bit for bit, cpu's to 1e-5`,
    async (t) => {
      await assertOptimizerStepsMatch(t, fusedKernelNames.adam, (shape, fusedRan) => steps(shape, s, fusedRan));
    },
  );
}

test.serial(
  `${fusedKernelNames.adam}: the first step from zero state moves each weight by lr against its gradient's sign`,
  async (t) => {
    const [w] = await onNative(() =>
      tf
        .engine()
        .runKernel<tf.Tensor[]>(
          fusedKernelNames.adam,
          { variable: tf.tensor1d([1, 1]), gradient: tf.tensor1d([4, -0.5]), m: tf.zeros([2]), v: tf.zeros([2]) },
          { beta1: 0.9, beta2: 0.999, epsilon: 0, stepSize: 0.01 / 0.1, correction2Sqrt: Math.sqrt(0.001) },
        )
        .map((o) => o.dataSync() as Float32Array),
    );
    // m = 0.1 g, v = 0.001 g^2: w - (0.01 / 0.1) 0.1 g / |g| = w -+ 0.01.
    t.true(Math.abs((w?.[0] ?? NaN) - 0.99) <= 1e-6 && Math.abs((w?.[1] ?? NaN) - 1.01) <= 1e-6, String(w));
  },
);
