import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { resolveConfig } from '../config/resolveConfig.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { ExtensionRegistry } from '../plugins/ExtensionRegistry.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { checkMemoryEstimate } from './checkMemoryEstimate.js';

const plugins = [corePlugin, definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective] })];
const registry = new ExtensionRegistry(plugins.flatMap((p) => p.extensions));

function configWith(batchSize: number): ReturnType<typeof resolveConfig> {
  return resolveConfig(
    {
      objective: { name: 'linear-gap' },
      data: { name: 'ring8' },
      generator: { noise: { dimension: 2 }, network: { name: 'mlp', options: { hidden: [8] } } },
      critic: { network: { name: 'mlp', options: { hidden: [8] } } },
      training: { batchSize },
    },
    plugins,
  );
}

// Generator [2, 8, 2]: weights 2*8 + 8 + 8*2 + 2 = 42, activations 2*8 + 2*2 = 20 per sample.
// Critic [2, 8, 1]: weights 2*8 + 8 + 8*1 + 1 = 33, activations 2*8 + 2*1 = 18 per sample.
// Floats: data 2*B*2 + 4*(42 + 33) + 2*1*B*20 + 2*2*B*18 = 116 B + 300; bytes 464 B + 1200.
// The wasm heap holds 4294901760 bytes: B = floor((4294901760 - 1200) / 464) = 9256251 fits.
test('the estimate for two [8] MLPs on 2-D data is 464 B + 1200 bytes: batch 9256251 fits the wasm heap, 9256252 does not', (t) => {
  t.notThrows(() => {
    checkMemoryEstimate(configWith(9256251), [2], registry);
  });
  const error = t.throws(
    () => {
      checkMemoryEstimate(configWith(9256252), [2], registry);
    },
    { instanceOf: ConfigError },
  );
  t.is(
    error.message,
    'training.batchSize, generator.network.options, critic.network.options: a training step needs about 4.3 GB of float32 tensors ' +
      '(batch 9256252; generator.network 42 weights and 20 activations per sample, critic.network 33 weights and 18 activations per sample), ' +
      "more than the wasm backend's 4.3 GB heap; lower training.batchSize or the network widths",
  );
});

test('the weights count 4 times: a [100000000] hidden layer (4e8 + 3e8 weights) is refused at batch 1', (t) => {
  const config = resolveConfig(
    {
      objective: { name: 'linear-gap' },
      data: { name: 'ring8' },
      generator: { noise: { dimension: 2 }, network: { name: 'mlp', options: { hidden: [100000000] } } },
      critic: { network: { name: 'mlp', options: { hidden: [8] } } },
      training: { batchSize: 1 },
    },
    plugins,
  );
  // Generator weights 2e8 + 1e8 + 2e8 + 2 = 500000002, x 4 floats; with both players and batch 1: 9.6 GB.
  t.regex(
    t.throws(() => {
      checkMemoryEstimate(config, [2], registry);
    }).message,
    /needs about 9\.6 GB .*generator\.network 500000002 weights and 200000004 activations per sample/,
  );
});

test('the DCGAN networks are sized too: a dcgan-generator with 3000 filters is refused before it is built', (t) => {
  const config = resolveConfig(
    {
      objective: { name: 'linear-gap' },
      data: { name: 'mnist' },
      generator: { noise: { dimension: 100 }, network: { name: 'dcgan-generator', options: { filters: 3000 } } },
      critic: { network: { name: 'dcgan-critic' } },
      training: { batchSize: 64 },
    },
    plugins,
  );
  // C1 = 6000, C2 = 3000: 100*49*6000 + 4*6000 + 16*6000*3000 + 4*3000 + 16*3000 + 1 = 317484001
  // weights, 4 floats each (5.08 GB), and 2 * 64 * 2647568 activations (1.36 GB): 6.5 GB with
  // the critic's 138945 weights and 43906 activations per sample.
  t.is(
    t.throws(() => {
      checkMemoryEstimate(config, [28, 28, 1], registry);
    }).message,
    'training.batchSize, generator.network.options, critic.network.options: a training step needs about 6.5 GB of float32 tensors ' +
      '(batch 64; generator.network 317484001 weights and 2647568 activations per sample, critic.network 138945 weights and 43906 activations per sample), ' +
      "more than the wasm backend's 4.3 GB heap; lower training.batchSize or the network widths",
  );
});
