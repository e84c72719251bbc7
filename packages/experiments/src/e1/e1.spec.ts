import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E1ConfigSchema } from './E1ConfigSchema.js';
import { e1 } from './e1.js';
import { runLeakFree } from '../runLeakFree.spec.helper.js';
import { withSpecDir } from '../withSpecDir.spec.helper.js';

const dir = withSpecDir('e1');

const critic = (lr: number, name: 'adam' | 'rmsprop') => (name === 'adam' ? { name, lr, beta1: 0.5 } : { name, lr });

// A small E1: three thetas, 200 critic steps, 60 generator iterations; WGAN and the minimax GAN.
const config = E1ConfigSchema.parse({
  seed: 1,
  backend: 'wasm',
  criticNetwork: { name: 'mlp', options: { hidden: [32, 32] } },
  distances: { thetas: [0, 0.5, 1], curvePoints: 21, criticSteps: 200, batchSize: 128, evaluationSamples: 512 },
  training: { theta0: 1, iterations: 60, pretrainCriticSteps: 200, recordEvery: 20 },
  objectives: [
    {
      name: 'wgan',
      schedule: { type: 'constant', nCritic: 5 },
      optimizers: { critic: critic(1e-3, 'rmsprop'), generator: { name: 'sgd', lr: 40 } },
    },
    {
      name: 'gan',
      label: 'gan-minimax',
      options: { generatorLoss: 'minimax' },
      schedule: { type: 'constant', nCritic: 5 },
      optimizers: { critic: critic(1e-3, 'adam'), generator: { name: 'sgd', lr: 0.01 } },
    },
  ],
});

test('small E1: WGAN tracks |theta| and drives theta towards 0; the minimax GAN is saturated and stuck', async (t) => {
  const out = join(dir, 'e1');
  const { results, claims } = await runLeakFree(t, e1, config, out);
  const [wgan, gan] = results.objectives;
  if (!wgan || !gan) return t.fail('two objectives');
  for (const e of wgan.estimates)
    t.log(`wgan theta ${String(e.theta)}: estimate ${String(e.estimate)}, K ${String(e.lipschitz)}`);
  for (const e of gan.estimates) t.log(`gan theta ${String(e.theta)}: JS bound ${String(e.estimate)}`);
  t.log(`theta after 60: wgan ${String(wgan.training.thetaFinal)}, gan-minimax ${String(gan.training.thetaFinal)}`);
  // Closed forms, exactly.
  const at = (theta: number) => results.curve.find((d) => d.theta === theta);
  t.deepEqual(at(0), { theta: 0, w: 0, js: 0, tv: 0, kl: 0 });
  t.deepEqual(at(-0.5), { theta: -0.5, w: 0.5, js: Math.LN2, tv: 1, kl: Infinity });
  // WGAN: estimate / K within 0.1 of |theta| (measured 0.016, 0.473, 0.980 at theta 0, 0.5, 1).
  for (const e of wgan.estimates) {
    const overK = e.estimate / (e.lipschitz ?? Number.NaN);
    t.true(Math.abs(overK - Math.abs(e.theta)) <= 0.1, `theta ${String(e.theta)}: estimate / K ${String(overK)}`);
  }
  // GAN: JS lower bound in [0.6, log 2 + 0.002] (measured 0.650, 0.665 at theta 0.5, 1; 6e-5 at 0) at theta != 0, |.| <= 0.02 at theta = 0.
  for (const e of gan.estimates) {
    if (e.theta === 0) t.true(Math.abs(e.estimate) <= 0.02, `theta 0: ${String(e.estimate)}`);
    else t.true(e.estimate >= 0.6 && e.estimate <= Math.LN2 + 0.002, `theta ${String(e.theta)}: ${String(e.estimate)}`);
  }
  // theta after 60 iterations, measured: wgan 0.278, gan-minimax 0.979 (seed 1, wasm).
  t.true(
    wgan.training.thetaFinal >= 0.1 && wgan.training.thetaFinal <= 0.5,
    `wgan theta ${String(wgan.training.thetaFinal)}`,
  );
  t.true(
    gan.training.thetaFinal >= 0.9 && gan.training.thetaFinal <= 1,
    `gan theta ${String(gan.training.thetaFinal)}`,
  );
  // WGAN's theta is on its way after 60 iterations, not yet within the full run's 0.1 of 0: that claim fails here.
  t.deepEqual(Object.fromEntries(claims.map((c) => [c.id, c.held])), {
    'closed-forms': true,
    'wgan-tracks-w': true,
    'gan-minimax-saturated': true,
    'wgan-training': false,
    'gan-minimax-training': true,
  });
  for (const file of [
    'report.md',
    'report.html',
    'results.json',
    'figures/e1-distances.vl.json',
    'figures/e1-training.vl.json',
    'figures/e1-distances.png',
    'figures/e1-training.png',
  ])
    t.true(existsSync(join(out, file)), file);
  const saved = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { claims: unknown[] };
  t.is(saved.claims.length, claims.length);
});
