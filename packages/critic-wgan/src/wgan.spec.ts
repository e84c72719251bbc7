import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '@ipmgan/core';
import { corePlugin, resolveConfig, RunDirectory, type Config } from '@ipmgan/core/engine';
import {
  assertTrainingMemoryFlat,
  killAndResume,
  meanDistanceToMode,
  metricsWithoutClock,
  openRun,
  ringConfig,
} from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

const plugins = [corePlugin, ipmganPlugin];

/** The shared ring run with this spec's faster settings: 2 -> 2x128 -> 2 nets, RMSProp 1e-3. */
function smallConfig(overrides: Partial<Config> = {}): Config {
  const mlp = { name: 'mlp', options: { hidden: [128, 128] } };
  const rmsprop = { name: 'rmsprop' as const, lr: 1e-3 };
  return ringConfig('wgan', {
    ...overrides,
    generator: { network: mlp, ...overrides.generator },
    critic: { network: mlp, ...overrides.critic },
    training: { optimizers: { critic: rmsprop, generator: rmsprop }, ...overrides.training },
  });
}

test.serial('the resolved config carries Algorithm 1 defaults', (t) => {
  const config = resolveConfig({ objective: { name: 'wgan' }, data: { name: 'ring8' } }, plugins);
  t.is(config.training.batchSize, 64);
  t.deepEqual(config.training.schedule, { type: 'constant', nCritic: 5 });
  t.deepEqual(config.training.optimizers.critic, {
    name: 'rmsprop',
    lr: 5e-5,
    decay: 0.99,
    epsilon: 1e-8,
    momentum: 0,
  });
  t.deepEqual(config.critic?.constraints, [{ name: 'weight-clipping', options: { clip: 0.01 } }]);
  t.is(config.objective.package, '@ipmgan/critic-wgan');
  t.true(Object.isFrozen(config.training.optimizers));
});

test.serial('every critic weight and bias lies in [-c, c] after a critic step', async (t) => {
  // A learning rate far above c makes every weight leave [-c, c] before the projection.
  const run = await openRun({
    config: smallConfig({
      critic: {
        network: { name: 'mlp', options: { hidden: [16] } },
        constraints: [{ name: 'weight-clipping', options: { clip: 0.003 } }],
      },
      training: { iterations: 1, optimizers: { critic: { name: 'sgd', lr: 10 } } },
    }),
    plugins,
  });
  const before =
    run.trainer.critic?.trainableVariables.map((v) => Math.max(...Array.from(v.dataSync(), Math.abs))) ?? [];
  t.true(Math.max(...before) > 0.003, 'the initial weights exceed c, so the test can fail');
  await run.trainer.fit();
  for (const v of run.trainer.critic?.trainableVariables ?? []) {
    const values = Array.from(v.dataSync());
    t.true(
      values.every((x) => x >= -Math.fround(0.003) && x <= Math.fround(0.003)),
      `${v.name} escaped [-c, c]`,
    );
    t.true(
      values.some((x) => Math.abs(x) === Math.fround(0.003)),
      `${v.name} never reached the bound`,
    );
  }
  run.dispose();
});

test.serial('training on the ring brings samples nearer the modes than the untrained generator', async (t) => {
  const run = await openRun({ config: smallConfig(), plugins });
  const before = meanDistanceToMode(run);
  await run.trainer.fit();
  const after = meanDistanceToMode(run);
  // Measured: 1.29 before, 0.55 after 300 iterations (seed 3).
  t.true(before > 1.0 && before < 1.6, `untrained distance ${String(before)}`);
  t.true(after < 0.7 * before, `after ${String(after)} vs before ${String(before)}`);
  run.dispose();
});

test.serial('the same seed and backend give an identical metrics.jsonl', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ipmgan-wgan-'));
  const config = smallConfig({ training: { iterations: 30 }, run: { logEvery: 5 } });
  const metrics = async (name: string, seed: number): Promise<string[]> => {
    const dir = new RunDirectory(join(root, name));
    const run = await openRun({ config: { ...config, seed }, plugins }, { directory: dir });
    await run.trainer.fit();
    run.dispose();
    return metricsWithoutClock(dir);
  };
  const a = await metrics('a', 3);
  t.is(a.length, 6);
  t.deepEqual(a, await metrics('b', 3));
  t.notDeepEqual(a, await metrics('c', 4));
});

test.serial(
  "SIGKILLed at a random iteration with Algorithm 1's RMSProp and clipping and resumed, metrics.jsonl, samples and the final tensors are byte-identical",
  async (t) => {
    await killAndResume(t, { config: ringConfig('wgan', { training: { iterations: 60 } }) });
  },
);

test.serial('200 training iterations leave tf.memory().numTensors unchanged', async (t) => {
  const small = { name: 'mlp', options: { hidden: [32, 32] } };
  const run = await openRun({
    config: smallConfig({ generator: { network: small }, critic: { network: small }, training: { iterations: 201 } }),
    plugins,
  });
  await assertTrainingMemoryFlat(t, run, 201);
  run.dispose();
});

test.serial('a DCGAN trains on MNIST through the trainer on wasm (conv filter gradients included)', async (t) => {
  const dcgan = { filters: 8 };
  const run = await openRun({
    config: {
      seed: 5,
      backend: 'wasm',
      objective: { name: 'wgan' },
      data: { name: 'mnist', options: { range: 'minus-one-one' } },
      generator: { noise: { dimension: 16 }, network: { name: 'dcgan-generator', options: dcgan } },
      critic: { network: { name: 'dcgan-critic', options: dcgan } },
      training: { iterations: 3, batchSize: 16, schedule: { type: 'constant', nCritic: 2 } },
      run: { logEvery: 1 },
    },
    plugins,
  });
  const critic = run.trainer.critic?.trainableVariables ?? [];
  const before = critic.map((v) => Array.from(v.dataSync()));
  const steps: number[] = [];
  await run.trainer.fit({ iterations: 1 });
  const step = await run.trainer.step();
  steps.push(step.criticLoss, step.generatorLoss, step.estimate ?? Number.NaN);
  t.true(steps.every(Number.isFinite), steps.join(', '));
  // Every kernel of the critic moved, so the conv filter gradients were computed on wasm.
  // (Not the output bias: it cancels in E[f(fake)] - E[f(real)], so its gradient is exactly 0.)
  const kernels = critic.map((v, i) => [v, before[i]] as const).filter(([v]) => v.name.endsWith('/kernel'));
  t.is(kernels.length, 3);
  for (const [v, old] of kernels) t.notDeepEqual(Array.from(v.dataSync()), old, `${v.name} did not change`);
  t.deepEqual(run.trainer.generator.sample(2, new Rng(1)).shape, [2, 28, 28, 1]);
  run.dispose();
});
