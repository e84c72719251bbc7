import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  corePlugin,
  createRun,
  lipschitzEstimate,
  resolveConfig,
  resumeRun,
  Rng,
  RunDirectory,
  tf,
  type Config,
  type Run,
} from '@ipmgan/core';
import { assertClose, meanDistanceToMode } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

const plugins = [corePlugin, ipmganPlugin];

/** WGAN-GP on the ring with 2 -> 2x64 -> 2 nets and the paper's defaults otherwise. */
function smallConfig(overrides: Partial<Config> = {}): Config {
  const mlp = { name: 'mlp', options: { hidden: [64, 64] } };
  return {
    seed: 3,
    backend: 'wasm',
    objective: { name: 'wgan-gp' },
    data: { name: 'ring8' },
    generator: { network: mlp },
    critic: { network: mlp },
    training: { iterations: 300 },
    ...overrides,
  };
}

async function open(config: Config, directory: RunDirectory | null = null): Promise<Run> {
  return createRun(resolveConfig(config, plugins), plugins, { directory });
}

function withoutClock(path: string): string[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const { elapsedSeconds: _, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify(rest);
    });
}

/** K of the run's critic on 256 real and 256 generated points (the evaluator's estimate). */
function criticK(run: Run): number {
  const { critic, data, generator } = run.trainer;
  if (!critic) throw new Error('no critic');
  const rng = new Rng(17);
  return tf.tidy(() => lipschitzEstimate(critic, data.sample(256, rng), generator.sample(256, rng), rng));
}

test.serial('the resolved config carries Algorithm 1 defaults: Adam 1e-4 (0, 0.9), n_critic 5, lambda 10', (t) => {
  const config = resolveConfig({ objective: { name: 'wgan-gp' }, data: { name: 'ring8' } }, plugins);
  t.is(config.training.batchSize, 64);
  t.deepEqual(config.training.schedule, { type: 'constant', nCritic: 5 });
  const adam = { name: 'adam', lr: 1e-4, beta1: 0, beta2: 0.9, epsilon: 1e-8 };
  t.deepEqual(config.training.optimizers, { critic: adam, generator: adam });
  t.deepEqual(config.critic?.constraints, [{ name: 'gradient-penalty', options: { lambda: 10, oneSided: false } }]);
  t.is(config.objective.package, '@ipmgan/gradient-penalty');
});

test.serial('training on the ring brings samples to the modes and holds the critic near 1-Lipschitz', async (t) => {
  const run = await open(smallConfig());
  const before = meanDistanceToMode(run);
  await run.trainer.fit();
  const after = meanDistanceToMode(run);
  const k = criticK(run);
  t.log(`distance to the nearest mode ${before.toFixed(3)} -> ${after.toFixed(3)}; critic K ${k.toFixed(3)}`);
  assertClose(t, before, 1.3, 0.3);
  t.true(after < 0.6 * before, `after ${String(after)} vs before ${String(before)}`);
  // The penalty pulls ||grad f|| to 1 on the interpolates: K (the largest norm seen) sits near 1.
  assertClose(t, k, 1, 0.35);
  run.dispose();
});

test.serial('the penalty does the holding: with lambda 0 the same critic is far from 1-Lipschitz', async (t) => {
  const run = await open(
    smallConfig({
      critic: {
        network: { name: 'mlp', options: { hidden: [64, 64] } },
        constraints: [{ name: 'gradient-penalty', options: { lambda: 0 } }],
      },
    }),
  );
  await run.trainer.fit();
  const k = criticK(run);
  t.log(`critic K without the penalty: ${k.toFixed(3)}`);
  t.true(Math.abs(k - 1) > 0.35, `K ${String(k)} is within the band the penalized critic is held in`);
  run.dispose();
});

for (const [how, stopAt, resumeFrom] of [
  ['stopped (Ctrl-C checkpoints on the way out)', 23, 23],
  ['killed (only the periodic checkpoint exists)', 27, 20],
] as const) {
  test.serial(`a run ${how} and resumed writes a byte-identical metrics.jsonl`, async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'ipmgan-wgan-gp-resume-'));
    const config = smallConfig({
      training: { iterations: 40 },
      run: { logEvery: 5, checkpointEvery: 10, evaluateEvery: 10 },
      evaluation: { samples: 64 },
    });
    const whole = new RunDirectory(join(root, 'whole'));
    const full = await open(config, whole);
    await full.trainer.fit();
    full.dispose();

    const parted = new RunDirectory(join(root, 'parted'));
    if (stopAt === resumeFrom) {
      const first = await open(config, parted);
      await first.trainer.fit({ iterations: stopAt });
      first.dispose();
    } else {
      // A hook that throws mimics a crash: no onTrainEnd, so no final checkpoint is written.
      const crash = {
        name: 'crash',
        afterGeneratorStep: (_: unknown, step: { iteration: number }) => {
          if (step.iteration === stopAt) throw new Error('simulated crash');
        },
      };
      const first = await createRun(resolveConfig(config, plugins), plugins, { directory: parted, hooks: [crash] });
      await t.throwsAsync(first.trainer.fit(), { message: 'simulated crash' });
      first.dispose();
    }
    const second = await resumeRun(parted.path, process.cwd(), { plugins });
    t.is(second.trainer.state.iteration, resumeFrom);
    await second.trainer.fit();
    second.dispose();
    t.is(withoutClock(parted.metricsPath).length, 8);
    t.deepEqual(withoutClock(parted.metricsPath), withoutClock(whole.metricsPath));
  });
}

test.serial('100 training iterations leave tf.memory().numTensors unchanged', async (t) => {
  const run = await open(smallConfig({ training: { iterations: 101 } }));
  await run.trainer.fit({ iterations: 1 });
  const before = tf.memory().numTensors;
  await run.trainer.fit({ iterations: 101 });
  t.is(tf.memory().numTensors, before);
  run.dispose();
});
