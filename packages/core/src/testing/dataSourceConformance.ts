import { resolveConfig } from '../config/resolveConfig.js';
import type { DataSource } from '../contracts/DataSource.js';
import type { DataSourceExtension } from '../contracts/Extension.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import type { ConformanceTest } from './ConformanceTest.js';
import type { DataSourceConformanceOptions } from './DataSourceConformanceOptions.js';
import { linearGapObjective } from './linearGapObjective.js';

const N = 64;
/** Samples the mixture check measures the modes' spread on: the RMS is then within about 2% of std. */
const MODE_SAMPLES = 2000;
/** Any objective makes a config resolvable; core's linear-gap is the kit's. */
const kitObjective = definePlugin({ name: '@ipmgan/data-kit', version: '0.0.0', extensions: [linearGapObjective] });

function dataSourceOf(options: DataSourceConformanceOptions): DataSourceExtension {
  const all = options.plugin.extensions.filter((e): e is DataSourceExtension => e.kind === 'data');
  const found =
    options.data === undefined ? (all.length === 1 ? all[0] : undefined) : all.find((e) => e.id === options.data);
  if (!found)
    throw new Error(
      `${options.plugin.name}: name the data source to test (data: one of ${all.map((e) => e.id).join(', ')})`,
    );
  return found;
}

async function open(extension: DataSourceExtension, options: DataSourceConformanceOptions): Promise<DataSource> {
  await tf.setBackend('cpu');
  return extension.create(extension.optionsSchema.parse(options.options ?? {}), {
    baseDir: options.baseDir ?? process.cwd(),
  });
}

const values = (x: tf.Tensor): Float32Array => x.dataSync() as Float32Array;

/**
 * Registers the shared contract every data source plugin passes, as serial ava tests:
 * `dataSourceConformance(test, { plugin: ipmganPlugin, badOptions: {...} })`. The metadata
 * and options schema are sound; sample(n, rng) is [n, ...shape], finite and float32; every
 * random choice comes from `rng` (the same state gives the same batch, another state another
 * batch); sampling leaks no tensor. A mixture (`mixture: true`) declares modes whose centres and
 * std match its samples; any other source declares none.
 */
export function dataSourceConformance(test: ConformanceTest, options: DataSourceConformanceOptions): void {
  const extension = dataSourceOf(options);
  const label = options.options === undefined ? extension.id : `${extension.id} ${JSON.stringify(options.options)}`;

  test.serial(`${label}: metadata is complete and create() matches it`, async (t) => {
    t.true(/^[a-z0-9][a-z0-9-]*$/.test(extension.id), `id "${extension.id}" is lower-case kebab`);
    t.true(extension.description.trim().length > 0, 'description is empty');
    const source = await open(extension, options);
    t.true(source.id === extension.id, `create() returns id "${source.id}", not "${extension.id}"`);
    t.true(
      source.shape.length > 0 && source.shape.every((d) => Number.isInteger(d) && d > 0),
      `shape [${source.shape.join(', ')}]`,
    );
    t.true(source.definition.trim().length > 0, 'definition is empty');
  });

  test.serial(`${label}: the options schema rejects a bad option by name`, (t) => {
    const field = Object.keys(options.badOptions)[0] ?? '';
    t.true(field !== '', 'badOptions names no field');
    let message = '';
    try {
      resolveConfig({ objective: { name: 'linear-gap' }, data: { name: extension.id, options: options.badOptions } }, [
        corePlugin,
        kitObjective,
        options.plugin,
      ]);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    t.true(message.includes(`data.options.${field}`), `error "${message}" does not name data.options.${field}`);
  });

  test.serial(`${label}: sample(n, rng) is a finite float32 [n, ...shape] batch`, async (t) => {
    const source = await open(extension, options);
    const x = source.sample(N, new Rng(1));
    t.true(x.shape.join(',') === [N, ...source.shape].join(','), `shape [${x.shape.join(', ')}]`);
    t.true(x.dtype === 'float32', `dtype ${x.dtype}`);
    t.true(values(x).every(Number.isFinite), 'a sample is not finite');
    x.dispose();
  });

  test.serial(`${label}: every random choice comes from rng`, async (t) => {
    const source = await open(extension, options);
    const draw = (seed: number): Float32Array => {
      const x = source.sample(N, new Rng(seed));
      const v = values(x);
      x.dispose();
      return v;
    };
    const [a, b, c] = [draw(7), draw(7), draw(8)];
    t.true(
      a.every((v, i) => v === b[i]),
      'the same rng state gave two different batches',
    );
    t.true(
      a.some((v, i) => v !== c[i]),
      'two rng states gave the same batch',
    );
  });

  test.serial(`${label}: 20 samples leak no tensor`, async (t) => {
    const source = await open(extension, options);
    const rng = new Rng(3);
    source.sample(N, rng).dispose(); // sources may cache constants on the first call
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) source.sample(N, rng).dispose();
    const after = tf.memory().numTensors;
    t.true(after === before, `${String(after - before)} tensors leaked over 20 samples`);
  });

  if (options.mixture === true)
    test.serial(
      `${label} (mixture): each of ${String(MODE_SAMPLES)} samples lies std from its nearest declared centre, per coordinate (RMS +-10%)`,
      async (t) => {
        const source = await open(extension, options);
        const { modes } = source;
        const dimension = source.shape.reduce((a, b) => a * b, 1);
        t.true(modes !== undefined, 'the source declares no modes');
        if (!modes) return;
        t.true(modes.centres.length > 0 && modes.std > 0, `modes ${JSON.stringify(modes)}`);
        t.true(
          modes.centres.every((c) => c.length === dimension),
          `a centre does not have the sample's dimension ${String(dimension)}`,
        );
        // Well-separated components: min_k ||x - c_k||^2 is std^2 chi^2_d, mean d std^2.
        const x = source.sample(MODE_SAMPLES, new Rng(5));
        const points = values(x);
        x.dispose();
        let total = 0;
        for (let i = 0; i < MODE_SAMPLES; i++) {
          let nearest = Number.POSITIVE_INFINITY;
          for (const centre of modes.centres) {
            let squared = 0;
            for (let j = 0; j < dimension; j++) squared += ((points[i * dimension + j] ?? 0) - (centre[j] ?? 0)) ** 2;
            nearest = Math.min(nearest, squared);
          }
          total += nearest;
        }
        const rms = Math.sqrt(total / (MODE_SAMPLES * dimension));
        t.true(
          Math.abs(rms / modes.std - 1) <= 0.1,
          `RMS distance to the nearest centre ${String(rms)} per coordinate, declared std ${String(modes.std)}`,
        );
      },
    );
  else
    test.serial(
      `${label}: declares no mixture modes (a mixture passes mixture: true to have them checked)`,
      async (t) => {
        const source = await open(extension, options);
        t.true(source.modes === undefined, `modes ${JSON.stringify(source.modes)} declared without mixture: true`);
      },
    );
}
