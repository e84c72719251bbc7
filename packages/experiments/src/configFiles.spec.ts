import { ConfigError, ConfigSchema, loadConfigFile, parseOrThrow } from '@ipmgan/core';
import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E1ConfigSchema } from './E1ConfigSchema.js';
import { E2ConfigSchema } from './E2ConfigSchema.js';
import { experiments } from './experiments.js';
import { loadExperimentConfig } from './loadExperimentConfig.js';
import { resolveEntry } from './resolveEntry.js';

const dir = mkdtempSync(join(tmpdir(), 'ipmgan-experiments-'));
test.after.always(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the registry names the five experiments and their shipped configs validate', async (t) => {
  t.deepEqual(Object.keys(experiments).sort(), [
    'e1-parallel-lines',
    'e2-optimal-critic',
    'e3-grid',
    'e3-ring',
    'e4-meaningful-loss',
  ]);
  const e1 = await loadExperimentConfig(E1ConfigSchema, experiments['e1-parallel-lines']?.defaultConfig ?? '');
  t.is(e1.objectives.length, 5);
  t.true(e1.distances.thetas.includes(0));
  const e2 = await loadExperimentConfig(E2ConfigSchema, experiments['e2-optimal-critic']?.defaultConfig ?? '');
  t.is(e2.discriminator.name, 'gan');
  t.is(e2.critic.name, 'wgan');
  // E3 and E4 are compare configs: the four objectives, the same nets and budget, several seeds.
  for (const [name, data, seeds] of [
    ['e3-ring', 'ring8', 5],
    ['e3-grid', 'grid25', 5],
    ['e4-meaningful-loss', 'ring8', 3],
  ] as const) {
    const file = await loadConfigFile(process.cwd(), experiments[name]?.defaultConfig ?? '');
    const config = parseOrThrow(ConfigSchema, file.raw);
    t.is(config.data.name, data);
    t.deepEqual(config.compare?.objectives, ['wgan', 'gan', 'ebgan', 'mmd']);
    t.is(config.compare?.seeds?.length, seeds);
  }
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
      'objectives.0.name: unknown objective "hinge-gan"; installed: wgan (@ipmgan/critic-wgan), gan (@ipmgan/disc-gan), ebgan (@ipmgan/ebgan), fisher-gan (@ipmgan/fisher-gan), wgan-gp (@ipmgan/gradient-penalty), mmd (@ipmgan/mmd), sn-gan (@ipmgan/spectral-norm)',
  });
  t.is((await resolveEntry(entry({ name: 'wgan-clip' }), base, 'objectives.0')).config.objective.name, 'wgan');
});
