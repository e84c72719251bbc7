import test from 'ava';
import { corePlugin } from '../plugins/corePlugin.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { networkConformance } from '../testing/networkConformance.js';
import { builtinNetworks } from './builtinNetworks.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test('lists mlp, dcgan-generator and dcgan-critic with unique ids', (t) => {
  t.deepEqual(
    builtinNetworks.map((n) => n.id),
    ['mlp', 'dcgan-generator', 'dcgan-critic'],
  );
  t.true(builtinNetworks.every((n) => n.description.length > 0));
});

test('each builds from parse({}) defaults through the erased type', (t) => {
  const shapes: Record<string, [number[], number[]]> = {
    mlp: [[2], [1]],
    'dcgan-generator': [[16], [28, 28, 1]],
    'dcgan-critic': [[28, 28, 1], [1]],
  };
  for (const ext of builtinNetworks) {
    const [inputShape, outputShape] = shapes[ext.id] ?? [[], []];
    const net = ext.create(ext.optionsSchema.parse({}), {
      inputShape,
      outputShape,
      rng: new Rng(1),
      name: `builtinSpec/${ext.id}`,
    });
    const y = net.apply(tf.zeros([2, ...inputShape]), false);
    t.deepEqual(y.shape, [2, ...outputShape], ext.id);
    y.dispose();
    net.dispose();
  }
});

// Core's networks pass the kit an outside network plugin runs, in each variant whose layers differ.
for (const batchNorm of [false, true])
  for (const activation of ['relu', 'leakyRelu', 'tanh'])
    networkConformance(test, {
      plugin: corePlugin,
      network: 'mlp',
      options: { hidden: [16, 16], activation, batchNorm, outputActivation: 'tanh' },
      inputShape: [3],
      outputShape: [2],
      badOptions: { hidden: [0] },
    });
for (const batchNorm of [true, false])
  for (const constantFilters of [false, true]) {
    networkConformance(test, {
      plugin: corePlugin,
      network: 'dcgan-generator',
      options: { filters: 8, batchNorm, constantFilters },
      inputShape: [12],
      outputShape: [28, 28, 1],
      badOptions: { filters: 0 },
    });
    networkConformance(test, {
      plugin: corePlugin,
      network: 'dcgan-critic',
      options: { filters: 8, batchNorm, constantFilters },
      inputShape: [28, 28, 1],
      outputShape: [1],
      badOptions: { filters: 0 },
    });
  }
