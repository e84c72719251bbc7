import test from 'ava';
import type { ObjectiveExtension } from '../contracts/Extension.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { ConfigError } from './ConfigError.js';
import { resolveConfig } from './resolveConfig.js';

const fixture = definePlugin({
  name: 'fixture-objective',
  version: '1.2.3',
  extensions: [{ ...linearGapObjective, aliases: ['lg'] }],
});
/** linear-gap on an autoencoder critic's energy: an objective that requires that form. */
const energyGap: ObjectiveExtension<{ nanFrom: number; withoutCritic: boolean }> = {
  ...linearGapObjective,
  id: 'energy-gap',
  create: (options) => ({
    ...linearGapObjective.create(options),
    id: 'energy-gap',
    requires: { critic: { output: 'autoencoder' } },
  }),
};
const plugins = [corePlugin, fixture];
const base = { objective: { name: 'linear-gap' }, data: { name: 'ring8' } };

function errorOf(raw: unknown): string {
  try {
    resolveConfig(raw, plugins);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return 'no error';
}

test('fills every default from core and from the objective', (t) => {
  const config = resolveConfig(base, plugins);
  t.is(config.name, 'run');
  t.is(config.seed, 0);
  t.is(config.backend, 'wasm');
  t.is(config.training.batchSize, 16);
  t.deepEqual(config.training.schedule, { type: 'constant', nCritic: 3 });
  t.deepEqual(config.training.optimizers.generator, { name: 'sgd', lr: 0.01 });
  t.deepEqual(config.critic?.constraints, [{ name: 'weight-clipping', options: { clip: 0.1 } }]);
  t.deepEqual(config.objective.options, { nanFrom: 0, withoutCritic: false });
  t.is(config.objective.package, 'fixture-objective');
  t.is(config.objective.version, '1.2.3');
  t.deepEqual(config.data, { name: 'ring8', options: { radius: 2, std: 0.02, scale: 1 / 1.414 } });
});

test('aliases resolve to canonical ids, and the config says which', (t) => {
  const config = resolveConfig({ objective: { name: 'lg' }, data: { name: '8gaussians' } }, plugins);
  t.is(config.objective.name, 'linear-gap');
  t.is(config.data.name, 'ring8');
});

test('the config file overrides the objective defaults', (t) => {
  const config = resolveConfig(
    { ...base, training: { batchSize: 256, optimizers: { critic: { name: 'rmsprop', lr: 5e-5 } } } },
    plugins,
  );
  t.is(config.training.batchSize, 256);
  t.deepEqual(config.training.optimizers.critic, {
    name: 'rmsprop',
    lr: 5e-5,
    decay: 0.99,
    epsilon: 1e-8,
    momentum: 0,
  });
});

test('the resolved config is deeply frozen', (t) => {
  const config = resolveConfig(base, plugins);
  t.true(Object.isFrozen(config));
  t.true(Object.isFrozen(config.training.optimizers.critic));
  t.throws(() => {
    (config.training as { iterations: number }).iterations = 5;
  });
});

test('errors are one line naming the field and what was expected', (t) => {
  const cases: [unknown, string][] = [
    [
      { ...base, objective: { name: 'linear-gap', options: { nanFrom: -1 } } },
      'objective.options.nanFrom: expected a non-negative number, got -1',
    ],
    [{ ...base, seed: 1.5 }, 'seed: expected an integer, got 1.5'],
    [{ ...base, backend: 'gpu' }, 'backend: expected one of "wasm", "cpu", "tensorflow", "tensorflow-gpu", got "gpu"'],
    [{ ...base, native: 'yes' }, 'native: expected one of "auto", "on", "off", got "yes"'],
    [{ ...base, traning: {} }, 'traning: unknown field (check the spelling; see docs/configuration.md)'],
    [
      { data: { name: 'ring8' } },
      'objective: required, e.g. objective: { name: wgan } (ipmgan compare reads compare.objectives)',
    ],
    [{ ...base, objective: { name: 'nope' } }, 'objective.name: unknown objective "nope"; installed: linear-gap'],
    [
      { ...base, data: { name: 'moons' } },
      'data.name: unknown data source "moons"; installed: csv, gaussian1d, grid25, mnist, npy, parallel-lines, ring8, swissroll',
    ],
    [
      { ...base, training: { optimizers: { critic: { name: 'adagrad', lr: 1 } } } },
      'training.optimizers.critic.name: expected one of "rmsprop", "adam", "sgd", got "adagrad"',
    ],
    [
      { ...base, training: { optimizers: { critic: { name: 'rmsprop', lr: -0.5 } } } },
      'training.optimizers.critic.lr: expected a non-negative number, got -0.5',
    ],
    [
      { ...base, critic: { constraints: [{ name: 'clip', options: { clip: -1 } }] } },
      'critic.constraints.0.options.clip: expected a positive number, got -1',
    ],
    [
      { ...base, generator: { network: { name: 'mlp', options: { hidden: [8, 'x'] } } } },
      'generator.network.options.hidden.1: expected a number, got "x"',
    ],
  ];
  for (const [raw, message] of cases) t.is(errorOf(raw), message);
});

test("an autoencoder critic's decoder defaults to what its network declares, else a copy of the network", (t) => {
  // The form comes from the objective's requirement; the config may repeat it.
  const energy = { ...base, objective: { name: 'energy-gap' } };
  const withEnergy = [corePlugin, definePlugin({ name: 'fixture-energy', version: '0.0.0', extensions: [energyGap] })];
  const dcgan = resolveConfig(
    { ...energy, data: { name: 'mnist' }, critic: { network: { name: 'dcgan-critic' } } },
    withEnergy,
  );
  t.is(dcgan.critic?.decoder?.name, 'dcgan-generator');
  // The declared decoder's options are filled by its own schema.
  t.deepEqual(dcgan.critic?.decoder?.options, {
    filters: 64,
    batchNorm: true,
    constantFilters: false,
    outputActivation: 'tanh',
    init: 'dcgan',
  });
  const mlp = resolveConfig(
    { ...energy, critic: { form: 'autoencoder', network: { name: 'mlp', options: { hidden: [7] } } } },
    withEnergy,
  );
  t.is(mlp.critic?.decoder?.name, 'mlp');
  t.deepEqual(mlp.critic?.decoder?.options, mlp.critic?.network.options);
  t.deepEqual((mlp.critic?.decoder?.options as { hidden: number[] }).hidden, [7]);
  t.is(dcgan.critic?.form, 'autoencoder');
  t.is(resolveConfig(base, plugins).critic?.decoder, null);
});
