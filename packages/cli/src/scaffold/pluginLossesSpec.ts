import type { PluginSpec } from './PluginSpec.js';

/** src/<identifier>Losses.spec.ts: the losses on scores whose means are known by hand. */
export function pluginLossesSpec(spec: PluginSpec): string {
  const losses = `${spec.identifier}Losses`;
  return `import { tf } from '@ipmgan/core';
import test from 'ava';
import { ${losses} } from './${losses}.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// E_r[f] = (1 + 2 + 3) / 3 = 2 and E_g[f] = (0 + 1 + 2) / 3 = 1.
const real = (): tf.Tensor1D => tf.tensor1d([1, 2, 3]);
const fake = (): tf.Tensor1D => tf.tensor1d([0, 1, 2]);

function read(x: tf.Scalar): number {
  return x.dataSync()[0] ?? Number.NaN;
}

function near(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-6;
}

test.serial('the estimate is E_r[f] - E_g[f] = 2 - 1', (t) => {
  tf.tidy(() => {
    const value = read(${losses}.estimate(real(), fake()));
    t.true(near(value, 1), String(value));
  });
});

test.serial('the critic loss is E_g[f] - E_r[f] = 1 - 2, and the generator loss -E_g[f] = -1', (t) => {
  tf.tidy(() => {
    const critic = read(${losses}.critic(real(), fake()));
    const generator = read(${losses}.generator(fake()));
    t.true(near(critic, -1), String(critic));
    t.true(near(generator, -1), String(generator));
  });
});

test.serial('the losses leak no tensor', (t) => {
  const before = tf.memory().numTensors;
  tf.tidy(() => {
    ${losses}.critic(real(), fake());
    ${losses}.generator(fake());
    ${losses}.estimate(real(), fake());
  });
  t.is(tf.memory().numTensors, before);
});
`;
}
