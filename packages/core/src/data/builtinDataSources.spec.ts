import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { corePlugin } from '../plugins/corePlugin.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { dataSourceConformance } from '../testing/dataSourceConformance.js';
import { npyBytes } from '../testing/npyBytes.js';
import { builtinDataSources } from './builtinDataSources.js';

let dir = '';
// The kit registers its tests now, so its fixtures exist before any test runs: four distinct
// rows each, so that two rng states draw different batches.
const fixtures = mkdtempSync(join(tmpdir(), 'ipmgan-data-kit-'));
writeFileSync(join(fixtures, 'kit.csv'), 'x,y,z\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n');
writeFileSync(
  join(fixtures, 'kit.npy'),
  npyBytes(
    [4, 3],
    Array.from({ length: 12 }, (_, i) => i),
  ),
);

test.before(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'ipmgan-data-'));
  await writeFile(join(dir, 'points.csv'), 'x,y,z\n1,2,3\n4,5,6\n');
  // [2, 3] float32 zeros: v1.0 header, padded so the data starts at byte 128.
  const dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
  const header = dict.padEnd(128 - 10 - 1, ' ') + '\n';
  const bytes = new Uint8Array(128 + 24);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length, 0]);
  bytes.set(
    Array.from(header, (c) => c.charCodeAt(0)),
    10,
  );
  await writeFile(join(dir, 'points.npy'), bytes);
});

test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  rmSync(fixtures, { recursive: true, force: true });
});

// File sources need a path; everything else must parse from {}.
const FILE_OPTIONS: Record<string, object> = {
  csv: { path: 'points.csv' },
  npy: { path: 'points.npy' },
};

test('ids and aliases are unique across the built-in data sources', (t) => {
  t.deepEqual(
    builtinDataSources.map((e) => e.id),
    ['ring8', 'grid25', 'swissroll', 'parallel-lines', 'gaussian1d', 'mnist', 'csv', 'npy'],
  );
  const names = builtinDataSources.flatMap((e) => [e.id, ...(e.aliases ?? [])]);
  t.is(new Set(names).size, names.length);
  for (const e of builtinDataSources) t.is(e.kind, 'data');
});

// Core's data sources pass the kit an outside data source plugin runs (shape, dtype, the rng
// as the only source of randomness, no leaks, a mixture's declared modes); the checks below
// are the ones the kit does not make.
const KIT: Record<string, { options?: Record<string, unknown>; badOptions: Record<string, unknown>; mixture?: true }> =
  {
    ring8: { badOptions: { std: -1 }, mixture: true },
    grid25: { badOptions: { std: -1 }, mixture: true },
    swissroll: { badOptions: { noise: -1 } },
    'parallel-lines': { badOptions: { offset: 'one' } },
    gaussian1d: { badOptions: { std: 0 } },
    mnist: { options: { count: 200 }, badOptions: { count: 0 } },
    csv: { options: { path: 'kit.csv' }, badOptions: { path: '' } },
    npy: { options: { path: 'kit.npy' }, badOptions: { path: '' } },
  };
for (const extension of builtinDataSources) {
  const kit = KIT[extension.id];
  if (kit)
    dataSourceConformance(test, {
      plugin: corePlugin,
      data: extension.id,
      ...(kit.options ? { options: kit.options } : {}),
      baseDir: fixtures,
      ...(kit.mixture ? { mixture: true } : {}),
      badOptions: kit.badOptions,
    });
}

test('every built-in data source runs through the data kit', (t) => {
  t.deepEqual(
    Object.keys(KIT),
    builtinDataSources.map((e) => e.id),
  );
});

for (const extension of builtinDataSources) {
  test(`${extension.id}: one-line definition and description; sample(n) refuses a fraction and allows 0`, async (t) => {
    const options = extension.optionsSchema.parse(FILE_OPTIONS[extension.id] ?? {});
    const source = await extension.create(options, { baseDir: dir });
    t.is(source.id, extension.id);
    t.regex(source.definition, /^[^\n]+$/);
    t.true(extension.description.length > 0 && !extension.description.includes('\n'));
    t.throws(() => source.sample(1.5, new Rng(1)), {
      message: 'sample(n): n must be a non-negative integer, got 1.5',
    });
    const empty = source.sample(0, new Rng(1));
    t.deepEqual(empty.shape, [0, ...source.shape]);
    empty.dispose();
  });
}

test('a source that declares modes from its options declares the created source modes: ring8 and grid25 only', async (t) => {
  const declaring = builtinDataSources.filter((e) => e.modes !== undefined).map((e) => e.id);
  t.deepEqual(declaring, ['ring8', 'grid25']);
  for (const extension of builtinDataSources.filter((e) => e.modes !== undefined)) {
    for (const raw of [{}, { std: 0.1, scale: 0.5 }]) {
      const options = extension.optionsSchema.parse(raw);
      const source = await extension.create(options, { baseDir: dir });
      t.deepEqual(extension.modes?.(options), source.modes, extension.id);
    }
  }
  // ring8 with radius 2, std 0.1, scale 0.5: the first centre is (2 * 0.5, 0), the std 0.05.
  const ring = builtinDataSources.find((e) => e.id === 'ring8');
  const modes = ring?.modes?.(ring.optionsSchema.parse({ std: 0.1, scale: 0.5 }));
  t.deepEqual(modes?.centres[0], [1, 0]);
  t.is(modes?.std, 0.05);
});
