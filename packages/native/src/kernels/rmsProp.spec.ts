import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { fusedKernelNames } from '../fusedKernelNames.js';
import { assertOptimizerStepsMatch } from '../testing/assertOptimizerStepsMatch.js';
import { onNative, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

const settings = [
  { learningRate: 5e-5, alpha: 0.99, epsilon: 1e-8, momentum: 0 },
  { learningRate: 0.01, alpha: 0.9, epsilon: 1e-6, momentum: 0.5 },
] as const;
const STEPS = 5;

/** Five steps from fixed state; each step by the fused kernel where registered, else core's TorchRmsProp ops. */
function steps(shape: number[], setting: (typeof settings)[number], fusedRan: boolean[]): Float32Array[] {
  let w = tf.tensor(sample(shape, 1), shape);
  let square = tf.abs(tf.tensor(sample(shape, 2), shape));
  let buffer = tf.tensor(sample(shape, 3), shape);
  for (let i = 0; i < STEPS; i++) {
    const g = tf.mul(tf.tensor(sample(shape, 10 + i), shape), 1e-3 * (i + 1));
    if ((tf.getKernel(fusedKernelNames.rmsProp, tf.getBackend()) as tf.KernelConfig | undefined) !== undefined) {
      fusedRan.push(true);
      const inputs: tf.NamedTensorMap = { variable: w, gradient: g, square };
      if (setting.momentum > 0) inputs['buffer'] = buffer;
      const [next, nextSquare, nextBuffer] = tf.engine().runKernel<tf.Tensor[]>(fusedKernelNames.rmsProp, inputs, {
        ...setting,
      });
      if (next === undefined || nextSquare === undefined) throw new Error('too few outputs');
      [w, square, buffer] = [next, nextSquare, nextBuffer ?? buffer];
      continue;
    }
    // @ipmgan/core's TorchRmsProp, op for op.
    const meanSquare = tf.add(tf.mul(square, setting.alpha), tf.mul(tf.square(g), 1 - setting.alpha));
    let step = tf.div(g, tf.add(tf.sqrt(meanSquare), setting.epsilon));
    if (setting.momentum > 0) {
      step = tf.add(tf.mul(buffer, setting.momentum), step);
      buffer = step;
    }
    square = meanSquare;
    w = tf.sub(w, tf.mul(step, setting.learningRate));
  }
  return [w, square, buffer].map((t) => t.dataSync() as Float32Array);
}

for (const setting of settings) {
  test.serial(
    `${fusedKernelNames.rmsProp} (momentum ${setting.momentum}): 5 steps equal wasm's composite bit for bit, cpu's to 1e-5`,
    async (t) => {
      await assertOptimizerStepsMatch(t, fusedKernelNames.rmsProp, (shape, fusedRan) =>
        steps(shape, setting, fusedRan),
      );
    },
  );
}

test.serial(`${fusedKernelNames.rmsProp}: one step by hand, ms = 0.01 g^2, w - lr g / (|g| / 10 + eps)`, async (t) => {
  const native = await onNative(() => {
    const outs = tf
      .engine()
      .runKernel<tf.Tensor[]>(
        fusedKernelNames.rmsProp,
        { variable: tf.tensor1d([1, -2]), gradient: tf.tensor1d([3, -0.5]), square: tf.zeros([2]) },
        { learningRate: 0.01, alpha: 0.99, epsilon: 0, momentum: 0 },
      );
    return outs.map((o) => o.dataSync() as Float32Array);
  });
  t.is(native.length, 2);
  const [w = new Float32Array(), ms = new Float32Array()] = native;
  // ms = 0.01 g^2 (float32); step = g / sqrt(ms) = 10 sign(g); w - 0.01 * step.
  t.true(Math.abs((w[0] ?? NaN) - 0.9) <= 1e-6 && Math.abs((w[1] ?? NaN) + 1.9) <= 1e-6, String(w));
  t.true(Math.abs((ms[0] ?? NaN) - 0.09) <= 1e-8 && Math.abs((ms[1] ?? NaN) - 0.0025) <= 1e-9, String(ms));
});
