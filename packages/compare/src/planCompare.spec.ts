import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { ConfigError } from '@ipmgan/core';
import { planCompare } from './planCompare.js';

// The package folder: the workspace's objective packages resolve from it. Planning writes nothing.
// The sweep tests run serially: concurrent first calls of useBackend('wasm') race while it initialises.
const baseDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const now = new Date('2026-01-02T03:04:05.678Z');
const shared = {
  name: 'tiny',
  seed: 1,
  data: { name: 'ring8' },
  generator: { network: { name: 'mlp', options: { hidden: [8] } } },
  critic: { network: { name: 'mlp', options: { hidden: [8] } } },
  training: { iterations: 6 },
  run: { dir: 'runs', logEvery: 2 },
};

test('planCompare expands objectives x seeds, labels an id listed twice by its index, and names each run directory', async (t) => {
  const plan = await planCompare(
    {
      ...shared,
      compare: { objectives: ['wgan', { name: 'mmd', options: { bandwidths: [0.5, 1] } }, 'wgan'], seeds: [3, 4] },
    },
    baseDir,
    now,
  );
  const directory = join(baseDir, 'runs', 'tiny-compare-20260102T030405Z');
  t.is(plan.directory, directory);
  t.deepEqual(
    plan.runs.map((r) => [r.label, r.seed, r.config.seed, r.config.objective.name, r.directory]),
    [
      ['wgan-0', 3, 3, 'wgan', join(directory, 'wgan-0-seed3')],
      ['wgan-0', 4, 4, 'wgan', join(directory, 'wgan-0-seed4')],
      ['mmd', 3, 3, 'mmd', join(directory, 'mmd-seed3')],
      ['mmd', 4, 4, 'mmd', join(directory, 'mmd-seed4')],
      ['wgan-2', 3, 3, 'wgan', join(directory, 'wgan-2-seed3')],
      ['wgan-2', 4, 4, 'wgan', join(directory, 'wgan-2-seed4')],
    ],
  );
  // Each run is resolved with its own objective's defaults: WGAN's batch 64, MMD's 256 and the options given.
  t.deepEqual(
    plan.runs.map((r) => r.config.training.batchSize),
    [64, 64, 256, 256, 64, 64],
  );
  t.deepEqual((plan.runs[2]?.config.objective.options as { bandwidths?: unknown }).bandwidths, [0.5, 1]);
  t.is(plan.plotIterations, undefined);
});

test('planCompare without seeds uses the file seed, and `into` overrides the directory', async (t) => {
  const into = join(baseDir, 'runs', 'elsewhere');
  const plan = await planCompare(
    { ...shared, compare: { objectives: ['wgan'], plotIterations: [2, 6] } },
    baseDir,
    now,
    into,
  );
  t.is(plan.directory, into);
  t.deepEqual(
    plan.runs.map((r) => [r.label, r.seed, r.directory]),
    [['wgan', 1, join(into, 'wgan-seed1')]],
  );
  t.deepEqual(plan.plotIterations, [2, 6]);
});

test('planCompare refuses a missing compare block, a seed listed twice and a bad entry, naming the field', async (t) => {
  const missing = await t.throwsAsync(planCompare(shared, baseDir, now), { instanceOf: ConfigError });
  t.is(missing.message, 'compare: missing; add e.g. compare: { objectives: [wgan, gan] } (ipmgan train runs one)');
  const twice = await t.throwsAsync(
    planCompare({ ...shared, compare: { objectives: ['wgan'], seeds: [3, 4, 3] } }, baseDir, now),
    { instanceOf: ConfigError },
  );
  t.is(twice.message, 'compare.seeds: seed 3 is listed twice');
  const bad = await t.throwsAsync(
    planCompare(
      { ...shared, compare: { objectives: ['wgan', { name: 'mmd', options: { bandwidths: 'wide' } }] } },
      baseDir,
      now,
    ),
    { instanceOf: ConfigError },
  );
  t.regex(bad.message, /^compare\.objectives\.1\.options\.bandwidths: /);
});

test.serial(
  'a sweep grid crosses its paths with objectives and seeds, starting from each objective`s defaults',
  async (t) => {
    const plan = await planCompare(
      {
        ...shared,
        compare: {
          objectives: ['wgan', 'mmd'],
          seeds: [1, 2],
          sweep: { grid: { 'critic.constraints.0.options.clip': [0.1, 0.01], 'training.schedule.nCritic': [1, 5] } },
        },
      },
      baseDir,
      now,
    );
    const directory = join(baseDir, 'runs', 'tiny-compare-20260102T030405Z');
    // 2 x 2 settings x 2 seeds for WGAN; MMD has no critic, so the four settings are one run per seed.
    t.deepEqual(
      plan.runs.map((r) => [
        r.label,
        r.objective,
        r.seed,
        r.config.critic?.constraints[0]?.options.clip,
        r.config.training.schedule.nCritic,
      ]),
      [
        ['wgan-clip=0.1_nCritic=1', 'wgan', 1, 0.1, 1],
        ['wgan-clip=0.1_nCritic=1', 'wgan', 2, 0.1, 1],
        ['wgan-clip=0.1_nCritic=5', 'wgan', 1, 0.1, 5],
        ['wgan-clip=0.1_nCritic=5', 'wgan', 2, 0.1, 5],
        ['wgan-clip=0.01_nCritic=1', 'wgan', 1, 0.01, 1],
        ['wgan-clip=0.01_nCritic=1', 'wgan', 2, 0.01, 1],
        ['wgan-clip=0.01_nCritic=5', 'wgan', 1, 0.01, 5],
        ['wgan-clip=0.01_nCritic=5', 'wgan', 2, 0.01, 5],
        ['mmd', 'mmd', 1, undefined, 0],
        ['mmd', 'mmd', 2, undefined, 0],
      ],
    );
    t.deepEqual(plan.runs[2]?.settings, { 'critic.constraints.0.options.clip': 0.1, 'training.schedule.nCritic': 5 });
    t.deepEqual(plan.runs[8]?.settings, {});
    t.is(plan.runs[2]?.directory, join(directory, 'wgan-clip=0.1_nCritic=5-seed1'));
    // The rest of WGAN's defaults stay: the constraint is still weight clipping, its optimizer RMSProp 5e-5.
    t.is(plan.runs[0]?.config.critic?.constraints[0]?.name, 'weight-clipping');
    t.deepEqual(plan.runs[0]?.config.training.optimizers.critic, {
      name: 'rmsprop',
      lr: 5e-5,
      decay: 0.99,
      epsilon: 1e-8,
      momentum: 0,
    });
  },
);

test.serial(
  'a sweep list runs its settings one by one; two paths with one last segment are named in full',
  async (t) => {
    const plan = await planCompare(
      {
        ...shared,
        compare: {
          objectives: ['wgan'],
          sweep: {
            list: [
              { 'training.optimizers.critic.lr': 1e-4 },
              { 'training.optimizers.critic.lr': 1e-3, 'training.optimizers.generator.lr': 1e-3 },
            ],
          },
        },
      },
      baseDir,
      now,
    );
    t.deepEqual(
      plan.runs.map((r) => [
        r.label,
        r.config.training.optimizers.critic.lr,
        r.config.training.optimizers.generator.lr,
      ]),
      [
        ['wgan-training.optimizers.critic.lr=0.0001', 1e-4, 5e-5],
        ['wgan-training.optimizers.critic.lr=0.001_training.optimizers.generator.lr=0.001', 1e-3, 1e-3],
      ],
    );
  },
);

test.serial('a bad swept path or value is refused before anything runs, in one line naming it', async (t) => {
  const refused = async (sweep: unknown): Promise<string> =>
    (
      await t.throwsAsync(planCompare({ ...shared, compare: { objectives: ['wgan'], sweep } }, baseDir, now), {
        instanceOf: ConfigError,
      })
    ).message;
  t.is(
    await refused({ grid: { 'critic.constraints.0.options.clip': [0.1, -1] } }),
    'compare.sweep.grid.critic.constraints.0.options.clip = -1: critic.constraints.0.options.clip: expected a positive number, got -1',
  );
  t.is(
    await refused({ grid: { 'critic.constrains.0.options.clip': [0.1] } }),
    'compare.sweep.grid.critic.constrains.0.options.clip = 0.1: critic.constrains: unknown field (check the spelling; see docs/configuration.md)',
  );
  t.is(
    await refused({ list: [{ 'training.iterations': 5 }, { 'training.iterations': 0 }] }),
    'compare.sweep.list.1.training.iterations = 0: training.iterations: expected a positive number, got 0',
  );
  t.is(
    await refused({ grid: { seed: [1, 2] } }),
    'compare.sweep.grid.seed: cannot be swept; seed is set per run: list the seeds in compare.seeds',
  );
  t.is(
    await refused({ list: [{ 'training.batchSize': 32 }, { 'training.batchSize': 32 }] }),
    'compare.sweep.list.1: setting "batchSize=32" is listed twice (also compare.sweep.list.0)',
  );
  t.is(
    await refused({ grid: { 'training.schedule.nCritic': 5 } }),
    'compare.sweep.grid.training.schedule.nCritic: expected an array, got 5',
  );
  t.is(
    await refused({ grid: { 'training..batchSize': [5] } }),
    'compare.sweep.grid.training..batchSize: expected a dotted config path, e.g. critic.constraints.0.options.clip',
  );
  t.is(
    await refused({ grid: { 'training.batchSize': [5] }, list: [] }),
    'compare.sweep.list: expected at least 1 entries',
  );
  t.is(
    await refused({ grid: { 'training.batchSize': [5] }, list: [{ 'training.batchSize': 6 }] }),
    'compare.sweep: expected exactly one of grid, list',
  );
});
