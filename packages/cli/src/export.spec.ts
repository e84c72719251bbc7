import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Rng, tf } from '@ipmgan/core';
import { loadGenerator, parseNpy } from '@ipmgan/core/engine';
import { assertClose, readTfEvents, type ReadEvent } from '@ipmgan/core/testing';
import test, { type ExecutionContext } from 'ava';
import { chromium } from 'playwright-core';
import { trainRun } from './testing/trainRun.js';
import { withSpecDir } from './testing/withSpecDir.js';
import { repoRoot, runIpmgan } from './testing/runIpmgan.js';

const CHROMIUM = process.env.IPMGAN_CHROMIUM ?? '/usr/bin/chromium';
const dir = withSpecDir('cli-export');

// Batch norm and leaky ReLU in the generator, TensorBoard events written while training.
const ring = trainRun(
  dir,
  'ring',
  'name: ring\nseed: 3\nobjective: { name: wgan }\ndata: { name: ring8 }\n' +
    'generator: { network: { name: mlp, options: { hidden: [8], batchNorm: true, activation: leakyRelu } } }\n' +
    'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
    'training: { iterations: 6 }\n' +
    'run: { dir: runs, checkpointEvery: 3, sampleEvery: 3, logEvery: 2, evaluateEvery: 3, tensorboard: true }\n' +
    'evaluation: { samples: 64, lipschitz: false }\n',
);
// Dense, batch norm, two transposed convolutions, tanh: the DCGAN generator on [-1, 1] digits.
const digits = trainRun(
  dir,
  'digits',
  'name: digits\nseed: 5\nobjective: { name: wgan }\n' +
    'data: { name: mnist, options: { count: 200, range: minus-one-one } }\n' +
    'generator: { noise: { dimension: 8 }, network: { name: dcgan-generator, options: { filters: 4 } } }\n' +
    'critic: { network: { name: dcgan-critic, options: { filters: 4 } } }\n' +
    'training: { iterations: 2, batchSize: 16 }\nrun: { dir: runs, sampleEvery: 1, sampleCount: 16 }\n',
);

/** Every events file in `folder`, read by the Python reader that shares no code with the writer. */
function readEvents(folder: string): ReadEvent[] {
  const files = readdirSync(folder).filter((f) => f.startsWith('events.out.tfevents.'));
  const read = readTfEvents(files.map((f) => join(folder, f)));
  if ('error' in read) throw new Error(read.error);
  return read.events.flat();
}

/** tag@step -> value of every scalar event. */
function scalars(events: readonly ReadEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events)
    for (const v of e.values ?? [])
      if (v.simple_value !== undefined) out.set(`${v.tag}@${String(e.step)}`, v.simple_value);
  return out;
}

test('export --tensorboard: every number of metrics.jsonl as a float32 scalar, and the sample sheets', (t) => {
  const out = join(dir, 'tb-ring');
  const result = runIpmgan(['export', ring, '--tensorboard', out], dir);
  t.is(result.code, 0, result.stderr);
  t.regex(result.stdout, /^ipmgan: wrote \d+ scalars and 2 sample sheets to \S+ \(tensorboard --logdir \S+\)\n$/);
  const events = readEvents(out);
  t.deepEqual(events[0] && Object.keys(events[0]).sort(), ['file_version', 'wall_time']);
  t.is(events[0]?.file_version, 'brain.Event:2');

  const expected = new Map<string, number>();
  for (const line of readFileSync(join(ring, 'metrics.jsonl'), 'utf8').trim().split('\n')) {
    const r = JSON.parse(line) as {
      iteration: number;
      criticLoss: number;
      generatorLoss: number;
      estimateName: string;
      estimate: number;
      elapsedSeconds: number;
      evaluation?: Record<string, number>;
    };
    const at = `@${String(r.iteration)}`;
    expected.set(`loss/critic${at}`, Math.fround(r.criticLoss));
    expected.set(`loss/generator${at}`, Math.fround(r.generatorLoss));
    expected.set(`estimate/${r.estimateName}${at}`, Math.fround(r.estimate));
    expected.set(`time/elapsedSeconds${at}`, Math.fround(r.elapsedSeconds));
    for (const [k, v] of Object.entries(r.evaluation ?? {})) expected.set(`evaluation/${k}${at}`, Math.fround(v));
  }
  // iterations 2, 4, 6 logged; 3 and 6 evaluated (w1, slicedW1, mmd2, modes): at least 4 x 4 + 2 x 3 numbers
  t.true(expected.size >= 22, String(expected.size));
  t.deepEqual(scalars(events), expected);

  // 2-D samples: a 256 x 256 grey scatter plot per sample file, at iterations 3 and 6.
  const images = events.flatMap((e) =>
    (e.values ?? []).flatMap((v) => (v.image ? [{ step: e.step, ...v.image }] : [])),
  );
  t.deepEqual(
    images.map((i) => [i.step, i.width, i.height, i.colorspace, i.png.width, i.png.height, i.png.channels]),
    [
      [3, 256, 256, 1, 256, 256, 1],
      [6, 256, 256, 1, 256, 256, 1],
    ],
  );
  // 512 dots of 3 x 3 pixels: some dark, mostly white, nothing grey.
  const pixels = images[0]?.png.pixels ?? [];
  const dark = pixels.filter((p) => p === 0).length;
  t.true(dark >= 9 && dark <= 512 * 9, String(dark));
  t.is(pixels.filter((p) => p !== 0 && p !== 255).length, 0);

  // run.tensorboard wrote the same scalars while the run trained, but for the clock, which it
  // reads a moment after the metrics logger.
  const untimed = (m: Map<string, number>): Map<string, number> =>
    new Map([...m].filter(([tag]) => !tag.startsWith('time/')));
  const live = scalars(readEvents(join(ring, 'tensorboard')));
  t.deepEqual(untimed(live), untimed(expected));
  t.is(live.size, expected.size);
});

test('export --tensorboard of image samples: a grid whose pixels map [-1, 1] to 0..255', (t) => {
  const out = join(dir, 'tb-digits');
  t.is(runIpmgan(['export', digits, '--tensorboard', out], dir).code, 0);
  const images = readEvents(out).flatMap((e) =>
    (e.values ?? []).flatMap((v) => (v.image ? [{ step: e.step, ...v.image }] : [])),
  );
  // 16 samples: 4 x 4 images of 28 x 28 with 1-pixel gaps: 4 * 29 - 1 = 115
  t.deepEqual(
    images.map((i) => [i.step, i.width, i.height, i.colorspace]),
    [
      [1, 115, 115, 1],
      [2, 115, 115, 1],
    ],
  );
  const samples = parseNpy(readFileSync(join(digits, 'samples', 'iter-0000002.npy')));
  t.deepEqual(samples.shape, [16, 28, 28, 1]);
  const byte = (v: number): number => Math.min(255, Math.max(0, Math.round((255 * (v + 1)) / 2)));
  const pixels = images[1]?.png.pixels ?? [];
  const at = (x: number, y: number): number => pixels[y * 115 + x] ?? -1;
  t.is(at(0, 0), byte(samples.data[0] ?? NaN)); // image 0, pixel (0, 0)
  t.is(at(5, 7), byte(samples.data[7 * 28 + 5] ?? NaN)); // image 0, pixel (5, 7)
  t.is(at(29 + 3, 2), byte(samples.data[784 + 2 * 28 + 3] ?? NaN)); // image 1 starts after the gap
  t.is(at(3, 29 + 1), byte(samples.data[4 * 784 + 28 + 3] ?? NaN)); // image 4 starts the second row
  t.is(at(28, 10), 0); // the gap
});

test('export: bad input is one ipmgan: line, exit 2, and nothing written', (t) => {
  const existing = join(dir, 'existing');
  writeFileSync(join(dir, 'a-file'), 'x');
  runIpmgan(['export', ring, '--tensorboard', existing], dir);
  const before = readdirSync(existing);
  const cases: [string[], RegExp][] = [
    [
      ['export', dir, '--tensorboard', join(dir, 'n1')],
      /^ipmgan: \S+: not a run directory \(no config\.resolved\.json in \S+\)\n$/,
    ],
    [['export', ring, '--tensorboard', existing], /^ipmgan: --tensorboard: \S+ already exists; name a new folder\n$/],
    [['export', ring, '--generator', existing], /^ipmgan: --generator: \S+ already exists; name a new folder\n$/],
    [
      ['export', ring, '--generator', join(dir, 'a-file', 'g')],
      /^ipmgan: --generator: \S+: no folder \S+ to create it in\n$/,
    ],
    [['export', ring], /^ipmgan: export: name what to export: --tensorboard OUT and\/or --generator OUT\n$/],
    [
      ['export', ring, '--generator', join(dir, 'n2'), '--checkpoint', '4'],
      /^ipmgan: --checkpoint: \S+ has no checkpoint at iteration 4; saved: 3, 6\n$/,
    ],
  ];
  for (const [args, message] of cases) {
    const result = runIpmgan(args, dir);
    t.is(result.code, 2, args.join(' '));
    t.regex(result.stderr, message);
    t.is(result.stdout, '');
  }
  // A run whose metrics.jsonl is bad in the middle: the generator could be written, but neither folder appears.
  const broken = join(dir, 'broken-run');
  cpSync(ring, broken, { recursive: true });
  const lines = readFileSync(join(broken, 'metrics.jsonl'), 'utf8').split('\n');
  writeFileSync(join(broken, 'metrics.jsonl'), [lines[0], '{"iteration": "x"}', ...lines.slice(1)].join('\n'));
  const both = runIpmgan(['export', broken, '--generator', join(dir, 'n3'), '--tensorboard', join(dir, 'n4')], dir);
  t.is(both.code, 2);
  t.regex(both.stderr, /^ipmgan: \S+metrics\.jsonl:2: iteration: /);
  t.deepEqual(readdirSync(existing), before, 'the existing folder is untouched');
  t.deepEqual(
    readdirSync(dir).filter((n) => n.startsWith('n') || n.includes('.tmp-')),
    [],
    'no output and no temporary folder left',
  );
});

/** A static server of `files` (URL path -> file), on a free loopback port. */
async function serve(t: ExecutionContext, files: Record<string, string>): Promise<string> {
  const server: Server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (!file || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.json')
      ? 'application/json'
      : file.endsWith('.js')
        ? 'text/javascript'
        : file.endsWith('.html')
          ? 'text/html'
          : 'application/octet-stream';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  t.teardown(
    () =>
      new Promise<void>((done) =>
        server.close(() => {
          done();
        }),
      ),
  );
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${String(address.port)}`;
}

/** ipmgan's generator of `run` on 5 noise vectors: the noise [5, d] and the samples [5, ...shape]. */
async function reference(run: string): Promise<{ z: number[]; d: number; samples: Float32Array; shape: number[] }> {
  const loaded = await loadGenerator(run, { cwd: dir });
  try {
    const z = loaded.generator.noise(5, new Rng(11)); // [5, d]
    const x = loaded.generator.generate(z, false);
    const result = {
      z: Array.from(z.dataSync()),
      d: z.shape[1],
      samples: Float32Array.from(x.dataSync()),
      shape: x.shape.slice(1),
    };
    tf.dispose([z, x]);
    return result;
  } finally {
    loaded.dispose();
  }
}

function exportGenerator(run: string, name: string): string {
  const out = join(dir, name);
  const result = runIpmgan(['export', run, '--generator', out], dir);
  if (result.code !== 0) throw new Error(result.stderr);
  return out;
}

const gens = { ring: exportGenerator(ring, 'gen-ring'), digits: exportGenerator(digits, 'gen-digits') };

// What a user of plain @tensorflow/tfjs writes in Node: load from the URL, predict on z.
const NODE_SCRIPT = `
import * as tf from '@tensorflow/tfjs';
const [url, z, d] = [process.argv[1], JSON.parse(process.argv[2]), Number(process.argv[3])];
await tf.setBackend('cpu');
const model = await tf.loadLayersModel(url);
const x = model.predict(tf.tensor2d(z, [z.length / d, d]));
console.log(JSON.stringify({ shape: x.shape, values: Array.from(await x.data()), meta: model.getUserDefinedMetadata() }));
`;

function assertSameSamples(t: ExecutionContext, actual: readonly number[], expected: Float32Array): void {
  t.is(actual.length, expected.length);
  // The two backends (ipmgan's wasm, tfjs's cpu) round differently in the last float32 bits.
  for (let i = 0; i < expected.length; i++) assertClose(t, actual[i] ?? NaN, expected[i] ?? NaN, 1e-5);
}

for (const name of ['ring', 'digits'] as const) {
  test(`export --generator (${name}): plain @tensorflow/tfjs in Node gives ipmgan's samples for the same noise`, async (t) => {
    const run = name === 'ring' ? ring : digits;
    const ref = await reference(run);
    const base = await serve(t, {
      '/model.json': join(gens[name], 'model.json'),
      '/weights.bin': join(gens[name], 'weights.bin'),
    });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', NODE_SCRIPT, `${base}/model.json`, JSON.stringify(ref.z), String(ref.d)],
      { cwd: resolve(repoRoot, 'packages', 'cli'), maxBuffer: 1 << 26 },
    );
    const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as {
      shape: number[];
      values: number[];
      meta: { ipmgan: { noise: unknown; dataShape: number[]; iteration: number } };
    };
    t.deepEqual(out.shape, [5, ...ref.shape]);
    t.deepEqual(out.meta.ipmgan.noise, { distribution: 'gaussian', dimension: ref.d });
    t.deepEqual(out.meta.ipmgan.dataShape, ref.shape);
    t.is(out.meta.ipmgan.iteration, name === 'ring' ? 6 : 2);
    assertSameSamples(t, out.values, ref.samples);
  });
}

const browserTest = existsSync(CHROMIUM) ? test : test.skip;
if (!existsSync(CHROMIUM))
  console.warn(
    `export.spec: browser test skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set IPMGAN_CHROMIUM)`,
  );

browserTest("export --generator: plain tfjs in Chromium gives ipmgan's samples for the same noise", async (t) => {
  const refs = { ring: await reference(ring), digits: await reference(digits) };
  const page = join(dir, 'page.html');
  writeFileSync(page, '<!doctype html><title>ipmgan generator</title><script src="/tf.min.js"></script>\n');
  const base = await serve(t, {
    '/': page,
    '/tf.min.js': join(repoRoot, 'node_modules', '@tensorflow', 'tfjs', 'dist', 'tf.min.js'),
    '/ring/model.json': join(gens.ring, 'model.json'),
    '/ring/weights.bin': join(gens.ring, 'weights.bin'),
    '/digits/model.json': join(gens.digits, 'model.json'),
    '/digits/weights.bin': join(gens.digits, 'weights.bin'),
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  t.teardown(() => browser.close());
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(error.message));
  await tab.goto(`${base}/`, { waitUntil: 'load' });
  for (const name of ['ring', 'digits'] as const) {
    const ref = refs[name];
    // Runs in the page; a string because this package compiles without the DOM library.
    const values = await tab.evaluate<number[]>(`(async () => {
      await tf.setBackend('cpu');
      const model = await tf.loadLayersModel('/${name}/model.json');
      const x = model.predict(tf.tensor2d(${JSON.stringify(ref.z)}, [5, ${String(ref.d)}]));
      return Array.from(await x.data());
    })()`);
    assertSameSamples(t, values, ref.samples);
  }
  t.deepEqual(problems, []);
});

test('run.tensorboard across a resume: a second events file, together every logged iteration once', (t) => {
  const run = trainRun(
    dir,
    'resumed',
    'name: resumed\nseed: 8\nobjective: { name: wgan }\ndata: { name: ring8 }\n' +
      'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      'training: { iterations: 4 }\nrun: { dir: runs, logEvery: 2, checkpointEvery: 2, tensorboard: true }\n',
  );
  const resumed = runIpmgan(['train', '--resume', run, '--iterations', '8'], dir);
  t.is(resumed.code, 0, resumed.stderr);
  const folder = join(run, 'tensorboard');
  t.is(readdirSync(folder).filter((f) => f.startsWith('events.out.tfevents.')).length, 2);
  // Files sort by start second, host and pid, so compare by step rather than by file order.
  const events = readEvents(folder);
  const generatorLosses = [...scalars(events)].filter(([key]) => key.startsWith('loss/generator@'));
  const logged = readFileSync(join(run, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { iteration: number; generatorLoss: number });
  t.deepEqual(
    logged.map((r) => r.iteration),
    [2, 4, 6, 8],
  );
  t.deepEqual(
    new Map(generatorLosses),
    new Map(logged.map((r) => [`loss/generator@${String(r.iteration)}`, Math.fround(r.generatorLoss)])),
  );
  t.is(events.filter((e) => e.values?.[0]?.tag === 'loss/generator').length, 4, 'each iteration once');
});

test('export --tensorboard of a compare directory: one sub-folder per run, which TensorBoard overlays', (t) => {
  const file = join(dir, 'pair.yaml');
  writeFileSync(
    file,
    'name: pair\nobjective: { name: wgan }\ndata: { name: ring8 }\n' +
      'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      'training: { iterations: 4 }\nrun: { dir: runs, logEvery: 2 }\n' +
      'compare: { objectives: [wgan, gan], seeds: [1] }\n',
  );
  const compared = runIpmgan(['compare', '-c', file, '--workers', '1'], dir);
  t.is(compared.code, 0, compared.stderr);
  const folder = dirname(/report: (\S+)/.exec(compared.stdout)?.[1] ?? '');
  const runs = (JSON.parse(readFileSync(join(folder, 'compare.json'), 'utf8')) as { runs: { directory: string }[] })
    .runs;
  const out = join(dir, 'tb-pair');
  const result = runIpmgan(['export', folder, '--tensorboard', out], dir);
  t.is(result.code, 0, result.stderr);
  // 2 runs x 2 lines (iterations 2, 4) x 4 numbers (critic and generator loss, estimate, seconds); 2 final sample files
  t.regex(result.stdout, /^ipmgan: wrote 16 scalars and 2 sample sheets of 2 runs to \S+/);
  t.deepEqual(readdirSync(out).sort(), runs.map((r) => r.directory).sort());
  for (const run of runs) {
    const logged = readFileSync(join(folder, run.directory, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const generatorLosses = [...scalars(readEvents(join(out, run.directory)))].filter(([k]) =>
      k.startsWith('loss/generator@'),
    );
    t.deepEqual(
      new Map(generatorLosses),
      new Map(
        logged.map((l) => {
          const r = JSON.parse(l) as { iteration: number; generatorLoss: number };
          return [`loss/generator@${String(r.iteration)}`, Math.fround(r.generatorLoss)];
        }),
      ),
    );
  }
  const refused = runIpmgan(['export', folder, '--generator', join(dir, 'n-gen')], dir);
  t.is(refused.code, 2);
  t.regex(
    refused.stderr,
    /^ipmgan: --generator: \S+ is a compare directory; export one of its runs' generators \(\S+\/<run folder>\)\n$/,
  );
});
