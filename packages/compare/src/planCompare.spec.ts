import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { ConfigError } from '@ipmgan/core';
import { planCompare } from './planCompare.js';

// The package folder: the workspace's objective packages resolve from it. Planning writes nothing.
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
