import { Rng, scoreOf, tf } from '@ipmgan/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corePlugin, RunDirectory, SampleQualityEvaluator, type Config, type Run } from '@ipmgan/core/engine';
import { assertClose, meanDistanceToMode, openRun, ringConfig, ringTrainingChecks } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';
import { sobolevNorm } from './sobolevNorm.js';

const plugins = [corePlugin, ipmganPlugin];

/** Omega = E_mu ||grad_x f||^2 of the run's critic on 1024 real and 1024 generated points. */
function omegaOf(run: Run): number {
  const { critic, data, generator } = run.trainer;
  if (!critic) throw new Error('no critic');
  const rng = new Rng(23);
  return tf.tidy(() => {
    const score = (x: tf.Tensor): tf.Tensor1D => scoreOf(critic.evaluate(x, false), 'sobolev-gan');
    return sobolevNorm(score, data.sample(1024, rng), generator.sample(1024, rng)).dataSync()[0] ?? Number.NaN;
  });
}

function multiplier(run: Run): number {
  return run.trainer.objective.auxiliary?.variables.lambda?.dataSync()[0] ?? Number.NaN;
}

/** The ring run of the specs with both players' Adam at `lr` (beta1 0.5, beta2 0.999, the defaults' betas). */
function withAdam(lr: number, overrides: { rho: number; iterations: number; nCritic: number }): Config {
  const adam = { name: 'adam' as const, lr, beta1: 0.5, beta2: 0.999 };
  return ringConfig('sobolev-gan', {
    objective: { name: 'sobolev-gan', options: { rho: overrides.rho } },
    training: {
      iterations: overrides.iterations,
      schedule: { type: 'constant', nCritic: overrides.nCritic },
      optimizers: { critic: adam, generator: adam },
    },
  });
}

test.serial('training on the ring at the defaults brings samples toward the modes in 300 iterations', async (t) => {
  const run = await openRun({ config: ringConfig('sobolev-gan'), plugins });
  const before = meanDistanceToMode(run);
  await run.trainer.fit();
  const after = meanDistanceToMode(run);
  // Measured: 1.275 -> 0.762 (0.60 of it), Omega 2.92, lambda 3.1e-4: at rho 1e-5 the multiplier
  // has barely moved after 600 critic steps. The paper's lr 1e-4 needs the shipped budget
  // (ipmgan.config.yaml: 3000 iterations) to cover the ring; see the next test for a short one.
  t.log(
    `distance ${before.toFixed(3)} -> ${after.toFixed(3)}; Omega ${omegaOf(run).toFixed(3)}; lambda ${multiplier(run).toPrecision(3)}`,
  );
  assertClose(t, after / before, 0.6, 0.1);
  run.dispose();
});

test.serial('with Adam lr 1e-3 the ring is learned in 600 iterations: 7-8 modes, W1 0.28, mass KL 0.012', async (t) => {
  const run = await openRun({ config: withAdam(1e-3, { rho: 1e-5, iterations: 600, nCritic: 2 }), plugins });
  await run.trainer.fit();
  const metrics = new SampleQualityEvaluator().evaluate(run.trainer, 600);
  // Measured with the native kernels: W1 0.2825, modes 8 (2.0% of samples within 3 std of a mode),
  // mass KL 0.0117; with wasm's own (IPMGAN_NATIVE=0) the seeded run rounds differently: W1 0.2809,
  // modes 7, mass KL 0.0124. A mode counts from a share of samples, so one can flip between kernel sets.
  t.log(
    `W1 ${String(metrics.w1)}; modes ${String(metrics.modesCovered)}; mass KL ${String(metrics.massKl)}; Omega ${omegaOf(run).toFixed(3)}`,
  );
  const modes = metrics.modesCovered ?? Number.NaN;
  t.true(modes >= 7 && modes <= 8, `modes ${String(modes)}`);
  assertClose(t, metrics.w1 ?? Number.NaN, 0.28, 0.08);
  // KL is at least 0; a collapse onto half the modes would be log 2 = 0.69.
  assertClose(t, metrics.massKl ?? Number.NaN, 0.025, 0.025);
  run.dispose();
});

test.serial(
  'the multiplier drives Omega to 1: 500 critic steps at rho 1e-2 end at Omega 0.96, at rho 1e-5 at 11.6',
  async (t) => {
    // 10 generator iterations of 50 critic steps each (Adam 1e-3): the fake distribution barely
    // moves, so the critic solves its constrained problem. The unconstrained direction grows the
    // critic's gradient (Omega 11.6 at the default rho, where lambda and the penalty are tiny);
    // at rho 1e-2, lambda rises to 0.65 and holds Omega at 1.
    const omegas: number[] = [];
    for (const rho of [1e-2, 1e-5]) {
      const run = await openRun({ config: withAdam(1e-3, { rho, iterations: 10, nCritic: 50 }), plugins });
      await run.trainer.fit();
      omegas.push(omegaOf(run));
      t.log(`rho ${String(rho)}: Omega ${omegaOf(run).toFixed(4)}, lambda ${multiplier(run).toPrecision(3)}`);
      run.dispose();
    }
    assertClose(t, omegas[0] ?? Number.NaN, 1, 0.1);
    assertClose(t, omegas[1] ?? Number.NaN, 11.6, 3);
  },
);

test.serial(
  'the multiplier is checkpointed: stopped at 20 and resumed, lambda is bit for bit that of a straight run',
  async (t) => {
    // rho 1e-2 so that lambda is far from its start (0) by iteration 20 and moves on after it.
    const config = withAdam(1e-3, { rho: 1e-2, iterations: 40, nCritic: 2 });
    const root = mkdtempSync(join(tmpdir(), 'sobolev-gan-resume-'));
    try {
      const straight = await openRun({ config, plugins }, { directory: new RunDirectory(join(root, 'straight')) });
      await straight.trainer.fit();
      const expected = multiplier(straight);
      straight.dispose();
      const parted = new RunDirectory(join(root, 'parted'));
      const first = await openRun({ config, plugins }, { directory: parted });
      await first.trainer.fit({ iterations: 20 });
      const atStop = multiplier(first);
      first.dispose();
      const second = await openRun({ runDirectory: parted.path, cwd: process.cwd(), mode: 'resume', plugins });
      t.is(multiplier(second), atStop);
      await second.trainer.fit();
      t.log(`lambda ${String(atStop)} at 20, ${String(multiplier(second))} at 40`);
      t.not(atStop, 0);
      t.not(multiplier(second), atStop);
      t.is(multiplier(second), expected);
      second.dispose();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);

// The multiplier lambda is the objective's auxiliary variable: the critic loss, logged
// every iteration, reads it, so a resume that lost it differs from the next line on.
ringTrainingChecks(test, {
  objective: 'sobolev-gan',
  plugins,
  settings: "the paper's Adam",
  defaults: {
    title: "the resolved config carries the paper's settings: Adam 1e-4 (0.5, 0.999), n_critic 2, rho 1e-5",
    batchSize: 64,
    nCritic: 2,
    optimizer: { name: 'adam', lr: 1e-4, beta1: 0.5, beta2: 0.999, epsilon: 1e-8 },
    constraints: [],
    options: { rho: 1e-5 },
    package: '@ipmgan/sobolev-gan',
  },
});
