import { tf } from '@ipmgan/core';
import { assertClose, linearCritic, testPluginContext } from '@ipmgan/core/testing';
import test from 'ava';
import { templateConstraint } from './templateConstraint.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial('w = (3, 4) is projected onto (0.6, 0.8); a short w and the bias stay', (t) => {
  const long = linearCritic([3, 4], 5); // ||w|| = 5
  const short = linearCritic([0.3, 0.4]); // ||w|| = 0.5
  const constraint = templateConstraint.create({ radius: 1 });
  for (const critic of [long, short]) constraint.afterCriticStep?.(critic, testPluginContext());
  const [w1, w2] = Array.from(long.layers[0]?.kernel.dataSync() ?? []);
  assertClose(t, w1 ?? Number.NaN, 0.6);
  assertClose(t, w2 ?? Number.NaN, 0.8);
  assertClose(t, short.layers[0]?.kernel.dataSync()[1] ?? Number.NaN, 0.4);
  assertClose(t, long.layers[0]?.bias?.dataSync()[0] ?? Number.NaN, 5);
  for (const critic of [long, short]) critic.networks[0]?.dispose();
});
