import { corePlugin } from '@ipmgan/core/engine';
import {
  assertClose,
  criticLipschitz,
  meanDistanceToMode,
  openRun,
  ringConfig,
  ringTrainingChecks,
} from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

const plugins = [corePlugin, ipmganPlugin];

test.serial('training on the ring brings samples to the modes and holds the critic near 1-Lipschitz', async (t) => {
  const run = await openRun({ config: ringConfig('wgan-gp'), plugins });
  const before = meanDistanceToMode(run);
  await run.trainer.fit();
  const after = meanDistanceToMode(run);
  const k = criticLipschitz(run);
  t.log(`distance to the nearest mode ${before.toFixed(3)} -> ${after.toFixed(3)}; critic K ${k.toFixed(3)}`);
  assertClose(t, before, 1.3, 0.3);
  t.true(after < 0.6 * before, `after ${String(after)} vs before ${String(before)}`);
  // The penalty pulls ||grad f|| to 1 on the interpolates: K (the largest norm seen) sits near 1.
  assertClose(t, k, 1, 0.35);
  run.dispose();
});

test.serial('the penalty does the holding: with lambda 0 the same critic is far from 1-Lipschitz', async (t) => {
  const run = await openRun({
    config: ringConfig('wgan-gp', { critic: { constraints: [{ name: 'gradient-penalty', options: { lambda: 0 } }] } }),
    plugins,
  });
  await run.trainer.fit();
  const k = criticLipschitz(run);
  t.log(`critic K without the penalty: ${k.toFixed(3)}`);
  t.true(Math.abs(k - 1) > 0.35, `K ${String(k)} is within the band the penalized critic is held in`);
  run.dispose();
});

ringTrainingChecks(test, {
  objective: 'wgan-gp',
  plugins,
  settings: "Algorithm 1's Adam",
  defaults: {
    title: 'the resolved config carries Algorithm 1 defaults: Adam 1e-4 (0, 0.9), n_critic 5, lambda 10',
    batchSize: 64,
    nCritic: 5,
    optimizer: { name: 'adam', lr: 1e-4, beta1: 0, beta2: 0.9, epsilon: 1e-8 },
    constraints: [{ name: 'gradient-penalty', options: { lambda: 10, oneSided: false } }],
    package: '@ipmgan/gradient-penalty',
  },
});
