import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { badInputSuite, type BadInputCase } from './testing/badInputSuite.js';
import { badInputFixture } from './testing/badInputFixture.js';
import { TINY_WGAN_CONFIG } from './testing/TINY_WGAN_CONFIG.js';
import { repoRoot } from './testing/runIpmgan.js';
import { spawnIpmgan } from './testing/spawnIpmgan.js';
import { withSpecDir } from './testing/withSpecDir.js';

/**
 * The hostile-input suite (issue 20): inputs a hostile user tries beside the bad-input suite's
 * (badInput.spec), run through the same checks (badInputSuite: exit code, one ipmgan: line
 * naming the field or file, no stack, nothing under the fixture folder written). Fake plugin
 * packages are real packages in the fixture folder's node_modules (found before the
 * workspace's own). Commands that are meant to write (a run that fails mid-way, a stopped
 * experiment) write into `scratch`, outside the watched folder.
 */
const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

// ---- fixtures ---------------------------------------------------------------------------
const { root, good, run, write, set } = badInputFixture('hostile-input');
const scratch = withSpecDir('hostile-scratch');
const base = TINY_WGAN_CONFIG;

/** A package in `project`'s node_modules: package.json with `ipmganPlugin`, and index.js. */
function fakePackage(project: string, name: string, ipmganPlugin: unknown, index: string): void {
  const dir = join(project, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, version: '6.6.6', type: 'module', main: 'index.js', ipmganPlugin }),
  );
  writeFileSync(join(dir, 'index.js'), index);
}

/** An objective package built on WGAN's objective, with id `id` and `change` applied to what create makes. */
const objectivePackage = (name: string, id: string, change: string): string =>
  "import { definePlugin } from '@ipmgan/core';\n" +
  "import { ipmganPlugin as wgan } from '@ipmgan/critic-wgan';\n" +
  "const base = wgan.extensions.find((e) => e.kind === 'objective');\n" +
  `export const ipmganPlugin = definePlugin({ name: '${name}', version: '6.6.6', extensions: [{ ...base, id: '${id}', aliases: [], create: (options) => { ${change}; return Object.assign(Object.create(made), { id: '${id}' }); } }] });\n`;

// Sorts before @ipmgan/critic-wgan and claims its id (the hijack of issue 20): never used for wgan.
fakePackage(
  root,
  '@aaa/hijack',
  { objective: 'wgan' },
  objectivePackage('@aaa/hijack', 'wgan', 'throw new Error("the hijacker ran")'),
);
fakePackage(root, 'hinge-one', { objective: 'hinge' }, objectivePackage('hinge-one', 'hinge', 'const made = {}'));
fakePackage(root, 'hinge-two', { objective: 'hinge' }, objectivePackage('hinge-two', 'hinge', 'const made = {}'));
fakePackage(
  root,
  'ring8-again',
  { data: ['ring8'] },
  "import { definePlugin } from '@ipmgan/core';\nimport { z } from 'zod';\n" +
    "export const ipmganPlugin = definePlugin({ name: 'ring8-again', version: '6.6.6', extensions: [{ kind: 'data', id: 'ring8', description: 'a second ring8', optionsSchema: z.strictObject({}), create: () => { throw new Error('not me'); } }] });\n",
);
fakePackage(
  root,
  'impostor',
  { objective: 'impostor' },
  objectivePackage('@ipmgan/critic-wgan', 'impostor', 'const made = {}'),
);
fakePackage(
  root,
  'create-thrower',
  { objective: 'create-thrower' },
  objectivePackage('create-thrower', 'create-thrower', 'throw new Error("boom in create")'),
);
fakePackage(
  root,
  'step-thrower',
  { objective: 'step-thrower' },
  objectivePackage(
    'step-thrower',
    'step-thrower',
    'const made = Object.assign(Object.create(base.create(options)), { criticLoss() { throw new Error("boom in the step"); } })',
  ),
);
// A plugin module that replaces the trainer's objective through an activation hook.
write(
  'plugin-hijack.mjs',
  "export const ipmganPlugin = { name: 'hijack', version: '0.0.0', extensions: [], module: { load: ({ onActivation }) => { onActivation(Symbol.for('@ipmgan/core/Trainer'), (_c, trainer) => { trainer.objective.estimate = () => 4242; return trainer; }); } } };\n",
);
write(
  'plugin-load-throws.mjs',
  "export const ipmganPlugin = { name: 'load-thrower', version: '0.0.0', extensions: [], module: { load: () => { null.x; } } };\n",
);

// A project whose node_modules holds a malformed manifest ("aliases": 5) beside what works.
// In scratch: the fake packages of the fixture folder above it would be found too.
const malformed = join(scratch, 'malformed');
fakePackage(malformed, 'bad-aliases', { objective: 'bad', aliases: 5 }, 'export const nothing = 1;\n');
writeFileSync(join(malformed, 'good.yaml'), base);

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
write('proto.yaml', `${base}__proto__: { polluted: 1 }\n`);
write('constructor.json', JSON.stringify({ seed: 1, constructor: { prototype: { x: 1 } } }));
write('prototype.yaml', base.replace('training: {', 'training: { prototype: 1,'));
// 10 aliases of 10 aliases ... nine deep: 10^9 values once expanded, 300 bytes as YAML.
const bombLines = ['a0: &a0 [1,1,1,1,1,1,1,1,1,1]'];
for (let i = 1; i <= 9; i++)
  bombLines.push(
    `a${String(i)}: &a${String(i)} [${Array<string>(10)
      .fill(`*a${String(i - 1)}`)
      .join(',')}]`,
  );
write(
  'bomb.yaml',
  `${base}x-bomb:\n${bombLines.map((l) => `  ${l}`).join('\n')}\ncompare: { objectives: [wgan], sweep: { grid: { seed: [*a9] } } }\n`,
);
const huge = write('huge.yaml', `${base}# ${'x'.repeat(1 << 20)}\n`);
// 70: past ipmgan's 64 levels, within js-yaml's own 100.
write('deep.yaml', `${base}extra: ${nested(70)}\n`);
const ten = '[0,1,2,3,4,5,6,7,8,9]';
write(
  'grid-million.yaml',
  `${base}compare: { objectives: [wgan], sweep: { grid: { seed: ${ten}, training.batchSize: [1,2,3,4,5,6,7,8,9,10], run.logEvery: ${ten}, run.sampleEvery: ${ten}, run.checkpointEvery: ${ten}, evaluation.projections: [1,2,3,4,5,6,7,8,9,10] } } }\n`,
);
write(
  'many-runs.yaml',
  `${base}compare: { objectives: [wgan, gan, ebgan, mmd, wgan-gp, sn-gan, fisher-gan], seeds: ${ten}, sweep: { grid: { training.batchSize: [${Array.from({ length: 100 }, (_, i) => String(i + 1)).join(',')}] } } }\n`,
);
write('sweep-proto.yaml', `${base}compare: { objectives: [wgan], sweep: { grid: { training.__proto__.x: [1] } } }\n`);
write(
  'sweep-constructor.yaml',
  `${base}compare: { objectives: [wgan], sweep: { list: [{ constructor.prototype.x: 1 }] } }\n`,
);
write('long-label.yaml', `${base}compare: { objectives: [wgan], sweep: { grid: { name: [${'n'.repeat(300)}] } } }\n`);
write('run-dir-file.yaml', `${base.replace('dir: out', 'dir: good.yaml')}compare: { objectives: [wgan] }\n`);
write('wide.csv', `${Array<string>(200_000).fill('1').join(',')}\n${Array<string>(200_000).fill('2').join(',')}\n`);
write('many.csv', Array.from({ length: 5000 }, (_, i) => `${String(i)},${String(i % 7)}\n`).join(''));
write('a.csv', '0,0\n1,1\n');
mkdirSync(join(root, 'a-folder.csv'));
mkdirSync(join(root, 'out.csv'));
// Outside the watched folder: the snapshot follows links.
symlinkSync('/proc', join(scratch, 'proc-link'));
for (const fifo of ['fifo.csv', 'fifo.npy', 'fifo.yaml'])
  if (spawnSync('mkfifo', [join(root, fifo)]).status !== 0) throw new Error(`mkfifo ${fifo} failed`);

const data = (name: string, path: string): string[] =>
  set(`data={"name":"${name}","options":{"path":${JSON.stringify(path)}}}`);

const cases: BadInputCase[] = [
  // ---- plugin identity ----
  [
    'two packages claim one objective id',
    set('objective.name=hinge'),
    2,
    'objective.name: "hinge" is claimed by both hinge-one and hinge-two; name one by its package',
  ],
  [
    'a plugin claims core\'s data source "ring8"',
    set('plugins=["ring8-again"]'),
    2,
    'plugins.0: data "ring8" is claimed by both @ipmgan/core and ring8-again',
  ],
  [
    "a package exports a plugin under another package's name",
    set('objective.name=impostor'),
    2,
    'package "impostor" exports an ipmganPlugin named "@ipmgan/critic-wgan"',
  ],
  [
    'a plugin hooks the activation of IDS.Trainer',
    set('plugins=["./plugin-hijack.mjs"]'),
    2,
    'plugins: hijack hooks the activation of IDS.Trainer',
  ],
  [
    "a plugin's module throws while loading",
    set('plugins=["./plugin-load-throws.mjs"]'),
    1,
    'load-thrower: its ContainerModule failed to load',
  ],
  [
    "a plugin's create throws",
    set('objective.name=create-thrower'),
    1,
    'create-thrower: objective "create-thrower" create() failed: boom in create',
  ],
  // ---- paths and values ----
  ['--set __proto__', set('__proto__.polluted=1'), 2, '--set: "__proto__.polluted": "__proto__" is not a config field'],
  ['--set through constructor', set('training.constructor.x=1'), 2, '"constructor" is not a config field'],
  ['--set prototype', set('prototype=1'), 2, '"prototype" is not a config field'],
  ['--set a 5,000-deep value', set(`seed=${nested(5000)}`), 2, '--set seed: nested more than 64 levels deep'],
  ['config key __proto__', ['train', '-c', 'proto.yaml'], 2, 'proto.yaml: __proto__: "__proto__" is not allowed'],
  ['config key constructor (JSON)', ['train', '-c', 'constructor.json'], 2, 'constructor.json: constructor:'],
  ['config key prototype', ['train', '-c', 'prototype.yaml'], 2, 'training.prototype: "prototype" is not allowed'],
  ['YAML alias bomb in a sweep', ['compare', '-c', 'bomb.yaml'], 2, 'bomb.yaml: more than 100000 values'],
  [
    'config file over 1 MiB',
    ['train', '-c', 'huge.yaml'],
    2,
    `huge.yaml: ${String(statSync(huge).size)} bytes; a config file may have at most 1048576`,
  ],
  ['config nested 70 deep', ['train', '-c', 'deep.yaml'], 2, 'deep.yaml: nested more than 64 levels deep'],
  ['config file a FIFO', ['train', '-c', 'fifo.yaml'], 2, 'fifo.yaml is not a regular file'],
  [
    'sweep grid of 10^6 settings',
    ['compare', '-c', 'grid-million.yaml'],
    2,
    'compare.sweep.grid: expected at most 1000 settings (each is a training run per objective and seed), got a grid of 10 x 10 x 10 x 10 x 10 x 10',
  ],
  [
    'compare of 7,000 runs',
    ['compare', '-c', 'many-runs.yaml'],
    2,
    'compare: 7 objectives x 100 settings x 10 seeds = 7000 runs; a compare may have at most 5000',
  ],
  ['sweep path through __proto__', ['compare', '-c', 'sweep-proto.yaml'], 2, 'training.__proto__.x: "__proto__"'],
  ['sweep list path through constructor', ['compare', '-c', 'sweep-constructor.yaml'], 2, '"constructor" is not'],
  [
    'sweep label longer than a file name',
    ['compare', '-c', 'long-label.yaml'],
    2,
    `compare.sweep: the run folder name "wgan-name=${'n'.repeat(30)}..." is 316 bytes, more than a file name may have (255)`,
  ],
  // ---- files that never end, places that are not folders ----
  ['CSV data file a FIFO', data('csv', 'fifo.csv'), 2, 'data.options.path: fifo.csv: not a regular file (a FIFO)'],
  ['npy data file a FIFO', data('npy', 'fifo.npy'), 2, 'data.options.path: fifo.npy: not a regular file (a FIFO)'],
  ['CSV data file /dev/zero', data('csv', '/dev/zero'), 2, '/dev/zero: not a regular file (a device or socket)'],
  ['npy data file /dev/urandom', data('npy', '/dev/urandom'), 2, '/dev/urandom: not a regular file'],
  ['CSV data file a folder', data('csv', 'a-folder.csv'), 2, 'a-folder.csv: not a regular file (a directory)'],
  ['run.dir under /proc', set('run.dir=/proc/ipmgan-runs'), 2, 'run.dir: /proc/ipmgan-runs is under /proc'],
  [
    'run.dir a link into /proc',
    set(`run.dir=${join(scratch, 'proc-link', 'runs')}`),
    2,
    'proc-link/runs is under /proc',
  ],
  ['run.dir under /sys', set('run.dir=/sys/ipmgan'), 2, 'run.dir: /sys/ipmgan is under /sys'],
  ['run.dir a file (compare)', ['compare', '-c', 'run-dir-file.yaml'], 2, 'good.yaml is a file, not a folder'],
  ['distance of a FIFO', ['distance', 'fifo.csv', 'a.csv'], 2, 'fifo.csv: not a regular file'],
  ['new-plugin --dir under /proc', ['new-plugin', 'x-plugin', '--dir', '/proc/x-plugin'], 2, '--dir: /proc/x-plugin'],
  // ---- sizes refused before allocating ----
  ['CSV of 200,000 columns', data('csv', 'wide.csv'), 2, 'wide.csv line 1: more than 65536 columns'],
  ['eval -n 100000', ['eval', run, '-n', '100000'], 2, '-n: 100000 samples; at most 4096'],
  ['sample -n 10^8', ['sample', run, '-n', '100000000', '-o', 'x.csv'], 2, '-n: 100000000 samples of shape [2]'],
  [
    'distance mmd of 10,000 pooled samples without --bandwidth',
    ['distance', 'many.csv', 'many.csv', '--metric', 'mmd'],
    2,
    '--bandwidth: 10000 samples pooled',
  ],
  // ---- outputs that cannot be written ----
  ['sample -o a folder', ['sample', run, '-n', '4', '-o', 'out.csv'], 2, 'out.csv is a directory'],
  ['sample -o under a file', ['sample', run, '-n', '4', '-o', 'good.yaml/x.csv'], 2, '-o: directory not found'],
  ['init -o a folder', ['init', '-o', 'a-folder.csv'], 2, '-o: ' + join(root, 'a-folder.csv') + ' is a directory'],
  ['init --force -o a folder', ['init', '--force', '-o', 'a-folder.csv'], 2, 'a-folder.csv is a directory'],
  ['init -o under a file', ['init', '-o', 'good.yaml/c.yaml'], 2, '-o: directory not found'],
  ['new-plugin --dir under a file', ['new-plugin', 'x-plugin', '--dir', 'good.yaml/x'], 2, 'good.yaml is a file'],
  [
    'eval --json to a full disk',
    ['eval', run, '--json'],
    1,
    'stdout: cannot write the standard output (ENOSPC: no space left on the device)',
    { stdoutTo: '/dev/full' },
  ],
];

test(`the suite has its ${String(cases.length)} cases, each named once`, (t) => {
  t.true(cases.length >= 44, String(cases.length));
  t.is(new Set(cases.map((c) => c[0])).size, cases.length);
});

badInputSuite(cases, root);

// ---- cases that are not one line ---------------------------------------------------------

test('an official id runs its official package although an earlier-sorting package claims it', async (t) => {
  const result = await spawnIpmgan(['train', '-c', good, '--set', `run.dir=${join(scratch, 'official')}`], root);
  t.is(result.code, 0, result.stderr);
  const [runDir] = readdirSync(join(scratch, 'official'));
  const config = JSON.parse(readFileSync(join(scratch, 'official', runDir ?? '', 'config.resolved.json'), 'utf8')) as {
    objective: { package: string };
  };
  t.is(config.objective.package, '@ipmgan/critic-wgan');
  t.false(result.stderr.includes('hijacker'));
});

test('a malformed manifest is one warning naming the package; plugins and train go on', async (t) => {
  const listed = await spawnIpmgan(['plugins', '--json'], malformed);
  t.is(listed.code, 0, listed.stderr);
  t.is(
    listed.stderr,
    `ipmgan: warning: bad-aliases (${join(malformed, 'node_modules', 'bad-aliases', 'package.json')}): ipmganPlugin.aliases: expected a list of strings; the package is skipped as a plugin\n`,
  );
  t.true((JSON.parse(listed.stdout) as { id: string }[]).some((e) => e.id === 'wgan'));
  // train reaches config validation (a bad seed), past discovery.
  const trainedThere = await spawnIpmgan(['train', '-c', 'good.yaml', '--set', 'seed=-1'], malformed);
  t.is(trainedThere.code, 2);
  t.is(trainedThere.stderr.split('\n').filter((l) => l.startsWith('ipmgan: seed:')).length, 1, trainedThere.stderr);
});

test("a plugin objective's failure in a training step names its package", async (t) => {
  const result = await spawnIpmgan(
    ['train', '-c', good, '--set', 'objective.name=step-thrower', '--set', `run.dir=${join(scratch, 'step')}`],
    root,
  );
  t.is(result.code, 1);
  const lines = result.stderr.trim().split('\n');
  t.is(lines.at(-1), 'ipmgan: step-thrower: objective "step-thrower" criticLoss() failed: boom in the step');
  t.false(/\n\s+at /.test(result.stderr), 'no stack trace');
});

test('ipmgan plugins into a closed pipe ends quietly', async (t) => {
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, 'plugins'], {
      // Not root: its fake packages have lines of their own on stderr.
      cwd: scratch,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    // The reader is gone before the first write: every write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
  t.is(result.stderr, '');
  t.is(result.code, 0);
});

test('SIGINT stops reproduce within a step of a non-comparison experiment, with one line and exit 130', async (t) => {
  const out = join(scratch, 'reproduce');
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, 'reproduce', 'e9', '--quick', '-o', out], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // Once the experiment has started training (its config line is out), interrupt it.
      if (!sent && stderr.includes('  config ')) {
        sent = true;
        setTimeout(() => child.kill('SIGINT'), 3000);
      }
    });
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
  t.is(result.code, 130, result.stderr);
  t.true(result.stderr.includes('ipmgan: interrupted; stopping after the current step\n'), result.stderr);
  t.true(result.stderr.includes('ipmgan: stopped during e9'), result.stderr);
  // Stopped in its measurement: no report, no results.
  t.false(existsSync(join(out, 'e9', 'results.json')));
});
