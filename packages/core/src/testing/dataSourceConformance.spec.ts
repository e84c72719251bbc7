import test from 'ava';
import { ring8 } from '../data/ring8.js';
import type { DataSource } from '../contracts/DataSource.js';
import type { DataSourceExtension } from '../contracts/Extension.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { tf } from '../tensorflow.js';
import type { ConformanceTest } from './ConformanceTest.js';
import { dataSourceConformance } from './dataSourceConformance.js';
import { kitFailures } from './kitFailures.js';

const pluginOf = (data: DataSourceExtension) =>
  definePlugin({ name: '@ipmgan/data-conformance-spec', version: '0.0.0', extensions: [data] });

dataSourceConformance(test, { plugin: pluginOf(ring8), mixture: true, badOptions: { std: -1 } });

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

/** Runs the kit's tests on `data` (a mixture unless told) outside ava and returns the titles that failed. */
async function failures(data: DataSourceExtension, mixture = true): Promise<string[]> {
  const registered: [string, Parameters<ConformanceTest['serial']>[1]][] = [];
  dataSourceConformance(
    { serial: (title, implementation) => registered.push([title, implementation]) },
    { plugin: pluginOf(data), mixture, badOptions: { std: -1 } },
  );
  return kitFailures(registered, /^ring8:? /);
}

const MIXTURE = '(mixture): each of 2000 samples lies std from its nearest declared centre, per coordinate (RMS +-10%)';

test.serial('the kit fails a source that draws from an unseeded op instead of rng', async (t) => {
  const defect = broken((s) => ({
    sample: (n, rng) => tf.tidy(() => tf.add(s.sample(n, rng), tf.randomNormal([n, 2], 0, 0.01))),
  }));
  // The extra noise also widens every mode: RMS sqrt(0.0141^2 + 0.01^2) = 0.0173 against std 0.0141.
  t.deepEqual(await failures(defect), ['every random choice comes from rng', MIXTURE]);
});

test.serial('the kit fails a source that ignores rng altogether', async (t) => {
  const defect = broken(() => ({ sample: (n) => tf.zeros([n, 2]) }));
  // (0, 0) is far from every mode of the ring, too.
  t.deepEqual(await failures(defect), ['every random choice comes from rng', MIXTURE]);
});

test.serial('the kit fails a source with the wrong batch shape, and one that leaks', async (t) => {
  const wrong = broken((s) => ({ sample: (n, rng) => tf.tidy(() => tf.reshape(s.sample(n, rng), [-1])) }));
  t.deepEqual(await failures(wrong), ['sample(n, rng) is a finite float32 [n, ...shape] batch']);
  const leaky = broken((s) => ({ sample: (n, rng) => tf.keep(tf.add(tf.keep(s.sample(n, rng)), 0)) }));
  t.deepEqual(await failures(leaky), ['20 samples leak no tensor']);
});

test.serial('the kit fails modes of the wrong dimension and an empty definition', async (t) => {
  const modes = broken((s) => ({ modes: { centres: [[0, 0, 0]], std: s.modes?.std ?? 1 } }));
  t.deepEqual(await failures(modes), [MIXTURE]);
  const undefined_ = broken(() => ({ definition: ' ' }));
  t.deepEqual(await failures(undefined_), ['metadata is complete and create() matches it']);
});

test.serial('the kit fails a declared std twice the true one, and centres moved by 3 std', async (t) => {
  const wide = broken((s) => ({ modes: { centres: s.modes?.centres ?? [], std: 2 * (s.modes?.std ?? 1) } }));
  t.deepEqual(await failures(wide), [MIXTURE]);
  const moved = broken((s) => {
    const std = s.modes?.std ?? 1;
    return { modes: { centres: (s.modes?.centres ?? []).map(([x = 0, y = 0]) => [x + 3 * std, y]), std } };
  });
  t.deepEqual(await failures(moved), [MIXTURE]);
});

test.serial(
  'without mixture: true the kit checks that no modes are declared, and fails a source that has them',
  async (t) => {
    t.deepEqual(await failures(ring8, false), [
      'declares no mixture modes (a mixture passes mixture: true to have them checked)',
    ]);
    t.deepEqual(
      await failures(
        broken(() => ({ modes: undefined })),
        false,
      ),
      [],
    );
    t.deepEqual(await failures(broken(() => ({ modes: undefined }))), [MIXTURE]);
  },
);
