import test from 'ava';
import type { Network } from '../contracts/Network.js';
import type { NetworkExtension } from '../contracts/Extension.js';
import { mlp } from '../networks/mlp.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import type { ConformanceTest } from './ConformanceTest.js';
import { networkConformance } from './networkConformance.js';
import { kitFailures } from './kitFailures.js';

const pluginOf = (network: NetworkExtension) =>
  definePlugin({ name: '@ipmgan/network-conformance-spec', version: '0.0.0', extensions: [network] });
const SMALL = { hidden: [8, 8] };

networkConformance(test, {
  plugin: pluginOf(mlp),
  options: SMALL,
  inputShape: [2],
  outputShape: [1],
  badOptions: { hidden: [0] },
});

/** mlp with its created network patched by a defect. */
function broken(patch: (net: Network) => Partial<Network>): NetworkExtension {
  return {
    ...mlp,
    create: (options, shapes) => {
      const net = mlp.create(mlp.optionsSchema.parse(options), shapes);
      return { ...net, ...patch(net) };
    },
  };
}

/** Runs the kit's tests on `network` outside ava and returns the titles that failed. */
async function failures(network: NetworkExtension): Promise<string[]> {
  const registered: [string, Parameters<ConformanceTest['serial']>[1]][] = [];
  networkConformance(
    { serial: (title, implementation) => registered.push([title, implementation]) },
    { plugin: pluginOf(network), options: SMALL, inputShape: [2], outputShape: [1], badOptions: { hidden: [0] } },
  );
  return kitFailures(registered, /^mlp \{[^}]*\}: /);
}

test.serial('the kit fails a network whose initial weights ignore rng', async (t) => {
  const unseeded: NetworkExtension = {
    ...mlp,
    create: (options, shapes) =>
      mlp.create(mlp.optionsSchema.parse(options), { ...shapes, rng: new Rng(Math.floor(Math.random() * 2 ** 32)) }),
  };
  t.deepEqual(await failures(unseeded), ['every initial weight comes from rng']);
});

test.serial('the kit fails a network with the wrong output shape, and one that leaks', async (t) => {
  const flat = broken((net) => ({ apply: (x, training) => tf.tidy(() => tf.reshape(net.apply(x, training), [-1])) }));
  t.deepEqual(await failures(flat), ['apply maps a [n, ...input] batch to a finite float32 [n, ...output] one']);
  const leaky = broken((net) => ({ apply: (x, training) => tf.add(tf.keep(net.apply(x, training)), 0) }));
  t.deepEqual(await failures(leaky), ['20 SGD steps inside tf.tidy lower the loss and leak no tensor']);
});

test.serial('the kit fails a network with a weight apply never uses, and a wrong size estimate', async (t) => {
  const dead = broken((net) => ({
    trainableVariables: [
      ...net.trainableVariables,
      tf.variable(tf.ones([3]), true, `${net.trainableVariables[0]?.name ?? 'x'}_dead`),
    ],
  }));
  // The unused weight has no gradient, and the estimate no longer counts every weight built.
  t.deepEqual(await failures(dead), [
    'estimateSize counts exactly the weights create() builds',
    'a loss on the output reaches every trainable variable',
  ]);
  const miscounted: NetworkExtension = {
    ...mlp,
    estimateSize: (options, shapes) => {
      const size = mlp.estimateSize?.(options, shapes) ?? { weights: 0, activationsPerSample: 0 };
      return { ...size, weights: size.weights + 1 };
    },
  };
  t.deepEqual(await failures(miscounted), ['estimateSize counts exactly the weights create() builds']);
});

test.serial('the kit fails a samplewise network whose samples see each other', async (t) => {
  // Centring by the batch mean couples the samples: a concatenated batch scores differently.
  const coupled = broken((net) => ({
    samplewise: true,
    apply: (x, training) => tf.tidy(() => net.apply(tf.sub(x, tf.mean(x, 0, true)), training)),
  }));
  t.deepEqual(await failures(coupled), ['a samplewise network scores a concatenated batch as its parts']);
});
