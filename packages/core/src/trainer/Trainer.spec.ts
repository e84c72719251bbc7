import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { Config } from '../config/ConfigSchema.js';
import { resolveConfig } from '../config/resolveConfig.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { openRun } from '../runs/openRun.js';
import { RunDirectory } from '../runs/RunDirectory.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { DivergenceError } from './DivergenceError.js';

const plugins = [corePlugin, definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective] })];
const small = { name: 'mlp', options: { hidden: [8] } };

function config(overrides: Partial<Config> = {}, objectiveOptions: Record<string, unknown> = {}): Config {
  return {
    backend: 'cpu',
    objective: { name: 'linear-gap', options: objectiveOptions },
    data: { name: 'ring8' },
    generator: { network: small },
    critic: { network: small },
    training: { iterations: 10 },
    run: { logEvery: 4 },
    ...overrides,
  };
}

function counter() {
  const counts = { critic: 0, generator: 0, estimates: [] as number[], begin: 0, end: [] as string[] };
  return {
    counts,
    hook: {
      name: 'counter',
      onTrainBegin: () => void (counts.begin += 1),
      afterCriticStep: () => void (counts.critic += 1),
      afterGeneratorStep: (_: unknown, step: { iteration: number; estimate?: number }) => {
        counts.generator += 1;
        if (step.estimate !== undefined) counts.estimates.push(step.iteration);
      },
      onTrainEnd: (_: unknown, outcome: { reason: string }) => void counts.end.push(outcome.reason),
    },
  };
}

test.serial('k critic steps per generator step, estimates on logged iterations only', async (t) => {
  const { counts, hook } = counter();
  const run = await openRun({ config: config(), plugins }, { directory: null, hooks: [hook] });
  const outcome = await run.trainer.fit();
  t.deepEqual(outcome, { iteration: 10, reason: 'finished' });
  t.is(counts.generator, 10);
  t.is(counts.critic, 30);
  t.deepEqual(counts.estimates, [4, 8, 10]);
  t.deepEqual(counts.end, ['finished']);
  run.dispose();
});

test.serial(
  'evaluator hooks run every run.evaluateEvery iterations and their results reach metrics.jsonl',
  async (t) => {
    const dir = new RunDirectory(join(mkdtempSync(join(tmpdir(), 'ipmgan-eval-')), 'run'));
    const seen: number[] = [];
    const evaluator = {
      name: 'probe',
      evaluate: (_: unknown, iteration: number) => {
        seen.push(iteration);
        return { probe: iteration * 2 };
      },
    };
    const resolved = resolveConfig(config({ run: { logEvery: 4, evaluateEvery: 3 } }), plugins);
    const run = await openRun({ resolved, plugins }, { directory: dir, hooks: [evaluator] });
    await run.trainer.fit();
    // Every 3rd iteration and the last (10); logged lines are the union with every 4th.
    t.deepEqual(seen, [3, 6, 9, 10]);
    t.deepEqual(
      dir.readMetrics().map((m) => [m.iteration, m.evaluation?.probe ?? null]),
      [
        [3, 6],
        [4, null],
        [6, 12],
        [8, null],
        [9, 18],
        [10, 20],
      ],
    );
    run.dispose();
  },
);

test.serial("the WGAN authors' warm-up schedule drives the critic loop", async (t) => {
  const { counts, hook } = counter();
  const schedule = { type: 'wgan-warmup', nCritic: 2, warmupIterations: 3, warmupCritic: 7, every: 5 } as const;
  const run = await openRun(
    { config: config({ training: { iterations: 6, schedule } }), plugins },
    {
      directory: null,
      hooks: [hook],
    },
  );
  await run.trainer.fit();
  // iterations 0,1,2 (warm-up) and 5 (every 5th): 7 each; 3 and 4: 2 each.
  t.is(counts.critic, 4 * 7 + 2 * 2);
  run.dispose();
});

test.serial('an objective without a critic skips the critic loop and builds no critic', async (t) => {
  const { counts, hook } = counter();
  const resolved = resolveConfig(config({}, { withoutCritic: true }), plugins);
  t.is(resolved.critic, null);
  const run = await openRun({ resolved, plugins }, { directory: null, hooks: [hook] });
  await run.trainer.fit();
  t.is(run.trainer.critic, null);
  t.is(counts.critic, 0);
  t.is(counts.generator, 10);
  run.dispose();
});

test.serial('a NaN loss stops the run, names the iteration, and writes no checkpoint after it', async (t) => {
  const dir = new RunDirectory(join(mkdtempSync(join(tmpdir(), 'ipmgan-nan-')), 'run'));
  const { counts, hook } = counter();
  const resolved = resolveConfig(config({ run: { logEvery: 1, checkpointEvery: 2 } }, { nanFrom: 5 }), plugins);
  const run = await openRun({ resolved, plugins }, { directory: dir, hooks: [hook] });
  const error = await t.throwsAsync(run.trainer.fit(), { instanceOf: DivergenceError });
  t.is(error.message, 'the generator loss is NaN at iteration 5');
  t.deepEqual(counts.end, ['diverged']);
  t.is(run.checkpointer?.lastCheckpoint, join(dir.checkpointsPath, 'iter-0000004'));
  t.false(existsSync(join(dir.checkpointsPath, 'iter-0000005')));
  t.is(dir.readMetrics().length, 4);
  run.dispose();
});

test.serial('a run directory holds the resolved config, metrics, checkpoints and samples', async (t) => {
  const parent = mkdtempSync(join(tmpdir(), 'ipmgan-dir-'));
  const resolved = resolveConfig(config({ name: 'probe', run: { dir: parent, logEvery: 5, sampleCount: 7 } }), plugins);
  const run = await openRun({ resolved, plugins }, { directory: 'new' });
  await run.trainer.fit();
  const dir = run.directory;
  t.truthy(dir);
  if (!dir) return;
  t.regex(dir.path, /probe-\d{8}T\d{6}Z$/);
  const written = dir.readConfig() as { data: { definition?: string }; kernels?: unknown };
  t.regex(written.data.definition ?? '', /c_k = radius \* \(cos\(2 pi k\/8\), sin\(2 pi k\/8\)\)/);
  delete written.data.definition;
  // The kernels the run trained with, recorded beside the config.
  t.deepEqual(written.kernels, { native: false, reason: 'backend "cpu" runs its own kernels' });
  t.deepEqual(written.kernels, run.kernels);
  delete written.kernels;
  t.deepEqual(written, JSON.parse(JSON.stringify(resolved)));
  t.deepEqual(
    dir.readMetrics().map((m) => [m.iteration, m.estimateName]),
    [
      [5, 'gap'],
      [10, 'gap'],
    ],
  );
  t.true(existsSync(join(dir.checkpointsPath, 'iter-0000010', 'manifest.json')));
  t.true(existsSync(join(dir.checkpointsPath, 'latest.json')));
  t.true(existsSync(join(dir.samplesPath, 'iter-0000010.csv')));
  run.dispose();
});
