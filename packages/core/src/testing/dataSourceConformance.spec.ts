import test from 'ava';
import { ring8 } from '../data/ring8.js';
import type { DataSource } from '../contracts/DataSource.js';
import type { DataSourceExtension } from '../contracts/Extension.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { tf } from '../tensorflow.js';
import type { ConformanceTest } from './ConformanceTest.js';
import { dataSourceConformance } from './dataSourceConformance.js';

const pluginOf = (data: DataSourceExtension) =>
  definePlugin({ name: '@ipmgan/data-conformance-spec', version: '0.0.0', extensions: [data] });

dataSourceConformance(test, { plugin: pluginOf(ring8), badOptions: { std: -1 } });

/** ring8 with its source patched by a defect. */
function broken(patch: (source: DataSource) => Partial<DataSource>): DataSourceExtension {
  return {
    ...ring8,
    create: async (options, context) => {
      const source = await ring8.create(ring8.optionsSchema.parse(options), context);
      return { ...source, ...patch(source) };
    },
  };
}

async function failures(data: DataSourceExtension): Promise<string[]> {
  const registered: [string, Parameters<ConformanceTest['serial']>[1]][] = [];
  dataSourceConformance(
    { serial: (title, implementation) => registered.push([title, implementation]) },
    { plugin: pluginOf(data), badOptions: { std: -1 } },
  );
  const failed: string[] = [];
  for (const [title, implementation] of registered) {
    let ok = true;
    try {
      await implementation({ true: (value) => (ok &&= value), log: () => undefined });
    } catch {
      ok = false;
    }
    if (!ok) failed.push(title.replace('ring8: ', ''));
  }
  return failed;
}

test.serial('the kit fails a source that draws from an unseeded op instead of rng', async (t) => {
  const defect = broken((s) => ({
    sample: (n, rng) => tf.tidy(() => tf.add(s.sample(n, rng), tf.randomNormal([n, 2], 0, 0.01))),
  }));
  t.deepEqual(await failures(defect), ['every random choice comes from rng']);
});

test.serial('the kit fails a source that ignores rng altogether', async (t) => {
  const defect = broken(() => ({ sample: (n) => tf.zeros([n, 2]) }));
  t.deepEqual(await failures(defect), ['every random choice comes from rng']);
});

test.serial('the kit fails a source with the wrong batch shape, and one that leaks', async (t) => {
  const wrong = broken((s) => ({ sample: (n, rng) => tf.tidy(() => tf.reshape(s.sample(n, rng), [-1])) }));
  t.deepEqual(await failures(wrong), ['sample(n, rng) is a finite float32 [n, ...shape] batch']);
  const leaky = broken((s) => ({ sample: (n, rng) => tf.keep(tf.add(tf.keep(s.sample(n, rng)), 0)) }));
  t.deepEqual(await failures(leaky), ['20 samples leak no tensor']);
});

test.serial('the kit fails modes of the wrong dimension and an empty definition', async (t) => {
  const modes = broken((s) => ({ modes: { centres: [[0, 0, 0]], std: s.modes?.std ?? 1 } }));
  t.deepEqual(await failures(modes), ["declared mixture modes have the sample's dimension and a positive std"]);
  const undefined_ = broken(() => ({ definition: ' ' }));
  t.deepEqual(await failures(undefined_), ['metadata is complete and create() matches it']);
});
