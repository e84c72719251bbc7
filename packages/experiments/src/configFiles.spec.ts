import { ConfigError } from '@ipmgan/core';
import { ConfigSchema, loadConfigFile, parseOrThrow } from '@ipmgan/core/engine';
import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E1ConfigSchema } from './e1/E1ConfigSchema.js';
import { E2ConfigSchema } from './e2/E2ConfigSchema.js';
import { E5ConfigSchema } from './e5/E5ConfigSchema.js';
import { E6ConfigSchema } from './e6/E6ConfigSchema.js';
import { E8ConfigSchema } from './e8/E8ConfigSchema.js';
import { E9ConfigSchema } from './e9/E9ConfigSchema.js';
import { E10ConfigSchema } from './e10/E10ConfigSchema.js';
import type { ExperimentVariant } from './Experiment.js';
import { experiments } from './experiments.js';
import { loadExperimentConfig } from './loadExperimentConfig.js';
import { resolveEntry } from './resolveEntry.js';

/** Every variant of the one list, by name. */
const registry: Readonly<Record<string, ExperimentVariant>> = Object.fromEntries(
  experiments.flatMap((e) => e.variants).map((v) => [v.name, v]),
);

const dir = mkdtempSync(join(tmpdir(), 'ipmgan-experiments-'));
test.after.always(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the registry names the thirteen experiments and their shipped configs validate', async (t) => {
  t.deepEqual(Object.keys(registry).sort(), [
    'e1-parallel-lines',
    'e10-clipped-gan',
    'e2-optimal-critic',
    'e3-grid',
    'e3-ring',
    'e4-meaningful-loss',
    'e5-mnist',
    'e5-mnist-dcgan',
    'e5-mnist-nobn',
    'e6-clipping',
    'e7-critic-iterations',
    'e8-momentum',
    'e9-rank-generators',
  ]);
  const e5 = await loadExperimentConfig(E5ConfigSchema, registry['e5-mnist']?.defaultConfig ?? '');
  t.deepEqual(
    e5.objectives.map((o) => o.name),
    ['wgan', 'gan'],
  );
  t.deepEqual(e5.generatorNetwork.options.hidden, [512, 512, 512, 512]);
  // Figures 6 and 7: the DCGAN generator with and without batch norm (constant filters), the same DCGAN critic.
  for (const [name, generator] of [
    ['e5-mnist-dcgan', { filters: 64, batchNorm: true, constantFilters: false }],
    ['e5-mnist-nobn', { filters: 64, batchNorm: false, constantFilters: true }],
  ] as const) {
    const config = await loadExperimentConfig(E5ConfigSchema, registry[name]?.defaultConfig ?? '');
    t.is(config.name, name);
    t.deepEqual(config.generatorNetwork, { name: 'dcgan-generator', options: generator });
    t.deepEqual(config.criticNetwork, { name: 'dcgan-critic', options: { filters: 64 } });
    t.deepEqual(
      config.objectives.map((o) => o.name),
      ['wgan', 'gan'],
    );
  }
  const e6 = await loadExperimentConfig(E6ConfigSchema, registry['e6-clipping']?.defaultConfig ?? '');
  t.deepEqual(e6.clips, [0.001, 0.01, 0.1]);
  const e8 = await loadExperimentConfig(E8ConfigSchema, registry['e8-momentum']?.defaultConfig ?? '');
  t.deepEqual(
    e8.variants.map((v) => v.label),
    ['rmsprop', 'adam-beta1-0.5', 'adam-beta1-0.9'],
  );
  const e9 = await loadExperimentConfig(E9ConfigSchema, registry['e9-rank-generators']?.defaultConfig ?? '');
  t.deepEqual(
    e9.trainings.map((x) => x.name),
    ['wgan', 'gan'],
  );
  t.deepEqual(e9.checkpoints, [10, 50, 200, 500, 1000, 2000]);
  const e10 = await loadExperimentConfig(E10ConfigSchema, registry['e10-clipped-gan']?.defaultConfig ?? '');
  t.deepEqual(e10.clips, [0.01, 0.1, 1]);
  const e1 = await loadExperimentConfig(E1ConfigSchema, registry['e1-parallel-lines']?.defaultConfig ?? '');
  t.is(e1.objectives.length, 5);
  t.true(e1.distances.thetas.includes(0));
  const e2 = await loadExperimentConfig(E2ConfigSchema, registry['e2-optimal-critic']?.defaultConfig ?? '');
  t.is(e2.discriminator.name, 'gan');
  t.is(e2.critic.name, 'wgan');
  // E3 and E4 are compare configs: the four objectives (E3 with the contract-v2 ones), the same
  // nets and budget, several seeds.
  const four = ['wgan', 'gan', 'ebgan', 'mmd'];
  for (const [name, data, seeds, expectedObjectives] of [
    ['e3-ring', 'ring8', 5, [...four, 'wgan-gp', 'sn-gan', 'fisher-gan']],
    ['e3-grid', 'grid25', 5, [...four, 'wgan-gp', 'sn-gan', 'fisher-gan']],
    ['e4-meaningful-loss', 'ring8', 3, four],
  ] as const) {
    const file = await loadConfigFile(process.cwd(), registry[name]?.defaultConfig ?? '');
    const config = parseOrThrow(ConfigSchema, file.raw);
    t.is(config.data.name, data);
    t.deepEqual(config.compare?.objectives, expectedObjectives);
    t.is(config.compare?.seeds?.length, seeds);
  }
  // E7 is a compare sweep: n_critic x iterations = 2000 critic steps in every setting.
  const e7 = parseOrThrow(
    ConfigSchema,
    (await loadConfigFile(process.cwd(), registry['e7-critic-iterations']?.defaultConfig ?? '')).raw,
  );
  t.deepEqual(
    e7.compare?.sweep?.list?.map((s) => Number(s['training.schedule.nCritic']) * Number(s['training.iterations'])),
    [2000, 2000, 2000, 2000],
  );
});

test('a bad field is one line naming the file and the field', async (t) => {
  const path = join(dir, 'bad.yaml');
  writeFileSync(
    path,
    'distances: { thetas: [0, 2], criticSteps: 10 }\ntraining: { iterations: 5 }\nobjectives: [{ name: wgan }]\n',
  );
  const error = await t.throwsAsync(loadExperimentConfig(E1ConfigSchema, path), { instanceOf: ConfigError });
  t.is(error.message, `${path}: distances.thetas.1: expected a number <= 1, got 2`);
  writeFileSync(
    path,
    'distances: { thetas: [0], criticSteps: 10 }\ntraining: { iterations: 5 }\nobjectives: [{ name: wgan }, { name: wgan }]\n',
  );
  const duplicate = await t.throwsAsync(loadExperimentConfig(E1ConfigSchema, path), { instanceOf: ConfigError });
  t.is(duplicate.message, `${path}: objectives.1.label: duplicate label "wgan"`);
  writeFileSync(
    path,
    'real: { mean: 0, std: 1 }\ngenerated: { mean: 1, std: 1 }\ncriticSteps: 5\ngrid: { from: 1, to: 0 }\n',
  );
  const grid = await t.throwsAsync(loadExperimentConfig(E2ConfigSchema, path), { instanceOf: ConfigError });
  t.is(grid.message, `${path}: grid.to: expected a number > grid.from`);
  t.false(error.message.includes('\n'));
  writeFileSync(path, 'clips: [0.1, 0.01]\niterations: 10\nrecordEvery: 5\n');
  const clips = await t.throwsAsync(loadExperimentConfig(E6ConfigSchema, path), { instanceOf: ConfigError });
  t.is(clips.message, `${path}: clips.1: expected ascending values`);
  writeFileSync(
    path,
    'real: { mean: 0, std: 1 }\ngenerated: { mean: 1, std: 1 }\ncriticSteps: 5\ngrid: { from: 0, to: 1 }\nclips: [0.01, 0.1]\ndiscriminator: { name: gan, critic: { constraints: [{ name: clip }] } }\n',
  );
  const own = await t.throwsAsync(loadExperimentConfig(E10ConfigSchema, path), { instanceOf: ConfigError });
  t.is(own.message, `${path}: discriminator.critic.constraints: expected none: the clipping comes from clips`);
  writeFileSync(
    path,
    'lr: 0.001\niterations: 10\nrecordEvery: 5\nvariants: [{ label: a, optimizer: { name: adam } }, { label: b, optimizer: { name: adagrad } }]\n',
  );
  const optimizer = await t.throwsAsync(loadExperimentConfig(E8ConfigSchema, path), { instanceOf: ConfigError });
  writeFileSync(path, 'trainings: [{ name: wgan }]\niterations: 100\ncheckpoints: [10, 200, 300]\ncriticSteps: 5\n');
  const late = await t.throwsAsync(loadExperimentConfig(E9ConfigSchema, path), { instanceOf: ConfigError });
  t.is(late.message, `${path}: checkpoints.1: expected at most iterations (100)`);
  writeFileSync(
    path,
    'trainings: [{ name: wgan }, { name: wgan }]\niterations: 100\ncheckpoints: [10, 100]\ncriticSteps: 5\n',
  );
  const twice = await t.throwsAsync(loadExperimentConfig(E9ConfigSchema, path), { instanceOf: ConfigError });
  t.is(twice.message, `${path}: trainings.1.label: duplicate label "wgan"`);
  t.regex(optimizer.message, /^.*: variants\.1\.optimizer: expected an optimizer \(rmsprop, adam, sgd\) without lr: /);
  t.false(optimizer.message.includes('\n'));
});

test("an objective's own option errors name the experiment's field", async (t) => {
  const base = {
    name: 'x',
    seed: 0,
    backend: 'cpu' as const,
    criticNetwork: { name: 'mlp', options: {} },
    data: { name: 'parallel-lines' },
    generator: { noise: { distribution: 'uniform' as const, dimension: 1 }, network: { name: 'parallel-line' } },
    iterations: 1,
    logEvery: 1,
  };
  const entry = (raw: object) => ({ options: {}, critic: {}, optimizers: {}, name: 'gan', ...raw });
  await t.throwsAsync(resolveEntry(entry({ options: { generatorLoss: 'hinge' } }), base, 'objectives.2'), {
    instanceOf: ConfigError,
    message: /^objectives\.2\.options\.generatorLoss: expected one of "nonSaturating", "minimax"/,
  });
  await t.throwsAsync(resolveEntry(entry({ name: 'hinge-gan' }), base, 'objectives.0'), {
    instanceOf: ConfigError,
    message:
      'objectives.0.name: unknown objective "hinge-gan"; installed: cramer-gan (@ipmgan/cramer-gan), wgan (@ipmgan/critic-wgan), gan (@ipmgan/disc-gan), ebgan (@ipmgan/ebgan), fisher-gan (@ipmgan/fisher-gan), wgan-gp (@ipmgan/gradient-penalty), mmd (@ipmgan/mmd), mmd-gan (@ipmgan/mmd-gan), sobolev-gan (@ipmgan/sobolev-gan), sn-gan (@ipmgan/spectral-norm)',
  });
  t.is((await resolveEntry(entry({ name: 'wgan-clip' }), base, 'objectives.0')).config.objective.name, 'wgan');
});

/** path -> leaf value of a parsed YAML document (array items by index). */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value))
      for (const [p, v] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, v);
  else out.set(path, value);
  return out;
}

test('each quick config is its shipped config with only its budget reduced', async (t) => {
  // The budget: iterations, seeds, evaluation cadence; nothing that changes what a claim measures.
  const budget =
    /(^|\.)(iterations|training\.iterations|criticSteps|seeds|evaluateEvery|run\.evaluateEvery|logEvery|run\.logEvery|sampleEvery|recordEvery|plotIterations|sheetIterations)(\.\d+)?$/;
  const quick = Object.entries(registry).filter(([, entry]) => entry.quickConfig !== undefined);
  t.deepEqual(
    quick.map(([name]) => name),
    [
      'e3-ring',
      'e3-grid',
      'e4-meaningful-loss',
      'e5-mnist',
      'e5-mnist-dcgan',
      'e5-mnist-nobn',
      'e6-clipping',
      'e10-clipped-gan',
    ],
  );
  for (const [name, entry] of quick) {
    const shipped = (await loadConfigFile(process.cwd(), entry.defaultConfig)).raw;
    const small = (await loadConfigFile(process.cwd(), entry.quickConfig ?? '')).raw;
    await entry.validate(entry.quickConfig ?? '');
    const [a, b] = [leaves(shipped), leaves(small)];
    t.is(b.get('name'), `${name}-quick`);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((p) => p !== 'name' && a.get(p) !== b.get(p));
    // Its budget is smaller: some iteration count (or critic steps) went down.
    t.true(
      changed.some((p) => /(iterations|criticSteps)$/i.test(p)),
      name,
    );
    for (const path of changed) {
      t.regex(path, budget, `${name}: ${path} differs from the shipped config`);
      // Fewer seeds and iterations: a seed or a plotted iteration may drop out, never grow.
      if (/(iterations|criticSteps)$/i.test(path))
        t.true(Number(b.get(path)) < Number(a.get(path)), `${name}: ${path}`);
    }
  }
});

test('the reduced E3 configs docs/reproductions.md reports are valid compare configs of their mixture', async (t) => {
  for (const [file, data] of [
    ['e3-ring-reduced.yaml', 'ring8'],
    ['e3-grid-reduced.yaml', 'grid25'],
  ] as const) {
    const path = new URL(`../configs/${file}`, import.meta.url).pathname;
    const config = parseOrThrow(ConfigSchema, (await loadConfigFile(process.cwd(), path)).raw);
    t.is(config.data.name, data);
    t.deepEqual(config.compare?.objectives, ['wgan', 'gan', 'wgan-gp', 'sn-gan', 'fisher-gan']);
    t.deepEqual(config.compare?.seeds, [1, 2, 3]);
    t.is(config.training.iterations, 2000);
  }
});
