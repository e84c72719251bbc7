import test from 'ava';
import { fusedKernelNames as nativeNames, registerNativeKernels, unregisterNativeKernels } from '@ipmgan/native';
import { batchNorm } from '../networks/layers/batchNorm.js';
import { dense } from '../networks/layers/dense.js';
import { TorchAdam } from '../optimizers/TorchAdam.js';
import { TorchRmsProp } from '../optimizers/TorchRmsProp.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { fusedKernelNames, hasFusedKernel } from './fusedKernels.js';
import { useBackend } from './useBackend.js';

test.before(async () => {
  await useBackend('wasm');
});

// Runs fn on wasm with @ipmgan/native's kernels (fused ones included), then unregisters them.
function withNative<T>(fn: () => T): T {
  registerNativeKernels({ threads: 1 });
  try {
    return fn();
  } finally {
    unregisterNativeKernels();
  }
}

// max |a - b| / max |b| (an all-zero reference must be matched to 1e-12 absolute).
function relativeError(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Number.NaN;
  const diff = Math.max(...a.map((v, i) => Math.abs(v - (b[i] ?? Number.NaN))));
  return diff / Math.max(1e-7, ...b.map(Math.abs));
}

test.serial('core and @ipmgan/native name the fused kernels alike, and native registers each for wasm', (t) => {
  t.deepEqual(fusedKernelNames, nativeNames);
  const names = Object.values(fusedKernelNames);
  t.deepEqual(
    withNative(() => names.filter((name) => hasFusedKernel(name))),
    names,
  );
  t.deepEqual(
    names.filter((name) => hasFusedKernel(name)),
    [],
  );
});

for (const activation of [undefined, 'relu', 'leakyRelu'] as const) {
  test.serial(
    `batchNorm (${activation ?? 'no activation'}), training: the fused kernels give the composite's outputs, gradients and running statistics to 1e-5`,
    (t) => {
      const run = (): number[][] => {
        const layer = batchNorm({
          name: `fusedSpec/${activation ?? 'none'}`,
          channels: 6,
          init: 'dcgan',
          rng: new Rng(3),
          activation,
        });
        const [gamma, beta] = layer.trainableVariables;
        if (!gamma || !beta) throw new Error('batchNorm has gamma and beta');
        const out = tf.tidy(() => {
          const x = tf.add(tf.mul(tf.randomNormal([5, 3, 3, 6], 0, 1, 'float32', 7), 2), 0.5);
          const w = tf.randomNormal([5, 3, 3, 6], 0, 1, 'float32', 8);
          const y = layer.apply(x, true);
          const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x, true), w)));
          const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input, true), w)))(x);
          return [y, value, dx, grads[gamma.name], grads[beta.name], ...layer.stateVariables].map((r) =>
            Array.from(r?.dataSync() ?? []),
          );
        });
        for (const v of [...layer.trainableVariables, ...layer.stateVariables]) v.dispose();
        return out;
      };
      const composite = run();
      const fused = withNative(run);
      // The forward kernel with the gradient's ops (a backend without the gradient kernel).
      const fusedForward = withNative(() => {
        tf.unregisterKernel(fusedKernelNames.batchNormActivationGrad, 'wasm');
        return run();
      });
      fused.forEach((values, i) => {
        t.true(relativeError(values, composite[i] ?? []) <= 1e-5, `output ${i}`);
        t.true(relativeError(fusedForward[i] ?? [], composite[i] ?? []) <= 1e-5, `output ${i}, gradient by ops`);
      });
    },
  );
}

for (const [activation, bias] of [
  [undefined, true],
  ['relu', true],
  ['leakyRelu', true],
  ['relu', false],
] as const) {
  test.serial(
    `dense (${activation ?? 'no activation'}, ${bias ? 'bias' : 'no bias'}): the fused kernel gives the composite's output and gradients to 1e-5, and runs`,
    (t) => {
      const run = (): number[][] => {
        const layer = dense({
          name: `fusedSpec/dense${activation ?? 'none'}${bias}`,
          inUnits: 13,
          outUnits: 9,
          bias,
          init: 'pytorch',
          rng: new Rng(4),
          ...(activation === undefined ? {} : { activation }),
        });
        const out = tf.tidy(() => {
          const x = tf.randomNormal([7, 13], 0, 1, 'float32', 12);
          const w = tf.randomNormal([7, 9], 0, 1, 'float32', 13);
          const y = layer.apply(x, true);
          const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x, true), w)));
          const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input, true), w)))(x);
          return [y, value, dx, ...layer.trainableVariables.map((v) => grads[v.name])].map((r) =>
            Array.from(r?.dataSync() ?? []),
          );
        });
        for (const v of layer.trainableVariables) v.dispose();
        return out;
      };
      const composite = run();
      let calls = 0;
      const fused = withNative(() => {
        const config = tf.getKernel(fusedKernelNames.denseActivation, 'wasm');
        tf.unregisterKernel(config.kernelName, 'wasm');
        tf.registerKernel({ ...config, kernelFunc: (args) => (calls++, config.kernelFunc(args)) });
        return run();
      });
      t.is(calls, 3); // y, the variables' gradients, the input's gradient
      t.is(fused.length, composite.length);
      fused.forEach((values, i) => {
        t.true(values.length > 0 && relativeError(values, composite[i] ?? []) <= 1e-5, `output ${i}`);
      });
    },
  );
}

test.serial(
  'dense + ReLU: second derivatives (a gradient penalty through the layer) agree with the composite to 1e-5',
  (t) => {
    const run = (): number[] => {
      const layer = dense({
        name: 'fusedSpec/densePenalty',
        inUnits: 5,
        outUnits: 6,
        bias: true,
        init: 'pytorch',
        rng: new Rng(6),
        activation: 'relu',
      });
      const out = tf.tidy(() => {
        const x = tf.randomNormal([8, 5], 0, 1, 'float32', 14);
        const { grads } = tf.variableGrads(() => {
          const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.square(layer.apply(input, true))))(x);
          return tf.sum(tf.square(dx));
        });
        return layer.trainableVariables.flatMap((v) => Array.from(grads[v.name]?.dataSync() ?? []));
      });
      for (const v of layer.trainableVariables) v.dispose();
      return out;
    };
    const composite = run();
    t.true(composite.length === 5 * 6 + 6 && composite.some((v) => v !== 0));
    t.true(relativeError(withNative(run), composite) <= 1e-5);
  },
);

// A [13, 7] variable drawn with `seed` after 5 steps of `optimizer` on sum(w^2 (i + 1)), step i.
function fiveSteps(name: string, seed: number, optimizer: TorchRmsProp | TorchAdam): number[] {
  const w = tf.variable(tf.randomNormal([13, 7], 0, 1, 'float32', seed), true, name);
  for (let i = 0; i < 5; i++) optimizer.minimize(() => tf.sum(tf.mul(tf.square(w), i + 1)), false, [w]);
  const values = Array.from(w.dataSync());
  w.dispose();
  optimizer.dispose();
  return values;
}

test.serial(
  'TorchRmsProp: the fused step equals its ops bit for bit on wasm over 5 steps, with and without momentum',
  (t) => {
    for (const momentum of [0, 0.5]) {
      const run = (): number[] =>
        fiveSteps(`fusedSpec/rms${momentum}`, 1, new TorchRmsProp(0.01, 0.99, momentum, 1e-8));
      t.deepEqual(withNative(run), run());
    }
  },
);

test.serial(
  'TorchAdam: the fused step equals its ops bit for bit on wasm over 5 steps, lerp weights below and above 1/2',
  (t) => {
    for (const beta1 of [0.9, 0.3]) {
      const run = (): number[] => fiveSteps(`fusedSpec/adam${beta1}`, 2, new TorchAdam(0.01, beta1, 0.999, 1e-8));
      t.deepEqual(withNative(run), run());
    }
  },
);

test.serial(
  'batchNorm + ReLU: second derivatives (a gradient penalty through the layer) agree with the composite to 1e-5',
  (t) => {
    const run = (): number[][] => {
      const layer = batchNorm({
        name: 'fusedSpec/penalty',
        channels: 4,
        init: 'dcgan',
        rng: new Rng(5),
        activation: 'relu',
      });
      // A weight before the layer: its second derivative runs through the batch statistics.
      const weight = tf.variable(tf.randomNormal([5, 4], 0, 1, 'float32', 11), true, 'fusedSpec/penaltyWeight');
      const out = tf.tidy(() => {
        const x = tf.randomNormal([18, 5], 0, 1, 'float32', 9);
        const w = tf.randomNormal([6, 3, 4], 0, 1, 'float32', 10);
        const { value, grads } = tf.variableGrads(() => {
          const critic = (input: tf.Tensor): tf.Tensor =>
            tf.sum(tf.mul(layer.apply(tf.reshape(tf.matMul(input, weight), [6, 3, 4]), true), w));
          return tf.sum(tf.square(tf.grad(critic)(x)));
        });
        const names = Object.keys(grads).sort();
        return [value, ...names.map((name) => grads[name])].map((r) => Array.from(r?.dataSync() ?? []));
      });
      for (const v of [...layer.trainableVariables, ...layer.stateVariables, weight]) v.dispose();
      return out;
    };
    const composite = run();
    const fused = withNative(run);
    t.is(fused.length, 4); // the penalty, d/dbeta, d/dgamma, d/dweight
    fused.forEach((values, i) => {
      t.true(
        relativeError(values, composite[i] ?? []) <= 1e-5,
        `output ${i}: ${relativeError(values, composite[i] ?? [])}`,
      );
    });
  },
);
