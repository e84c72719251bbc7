import { Rng, tf } from '@ipmgan/core';
import { assertClose } from '@ipmgan/core/testing';
import test from 'ava';
import { templateData } from './templateData.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial('each coordinate is (2u - 1) h for the next uniform u of rng', async (t) => {
  const source = await templateData.create({ halfWidth: 3 }, { baseDir: '.' });
  const x = source.sample(2, new Rng(1));
  const expected = new Rng(1);
  const values = Array.from(x.dataSync());
  for (const value of values) assertClose(t, value, (2 * expected.uniform() - 1) * 3, 1e-6);
  t.deepEqual(x.shape, [2, 2]);
  x.dispose();
});
