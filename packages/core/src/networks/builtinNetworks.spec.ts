import test from 'ava';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
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
