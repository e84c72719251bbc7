import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { makeTempDir } from './testing/makeTempDir.js';
import { repoRoot, runIpmgan } from './testing/runIpmgan.js';

test('plugins lists the official objectives with their defaults', (t) => {
  const { code, stdout, stderr } = runIpmgan(['plugins']);
  t.is(code, 0, stderr);
  const lines = stdout.split('\n');
  t.regex(lines[0] ?? '', /^id +aliases +package +estimate +critic +batch +n_critic +critic optimizer/);
  const row = (id: string): string[] => (lines.find((l) => l.startsWith(`${id} `)) ?? '').split(/ {2,}/);
  t.deepEqual(row('wgan'), [
    'wgan',
    'wgan-clip',
    '@ipmgan/critic-wgan@0.1.0',
    'W1*K',
    'score',
    '64',
    '5',
    'rmsprop lr 0.00005',
    'rmsprop lr 0.00005',
    'weight-clipping clip=0.01',
  ]);
  t.deepEqual(row('mmd').slice(0, 8), [
    'mmd',
    'gmmn',
    '@ipmgan/mmd@0.1.0',
    'MMD^2',
    'none',
    '256',
    '0',
    '- (no critic)',
  ]);
  // The critic core builds for each objective (with its default options).
  t.deepEqual(row('ebgan').slice(3, 5), ['TV', 'autoencoder']);
  t.deepEqual(row('wgan-gp'), [
    'wgan-gp',
    'wgangp',
    '@ipmgan/gradient-penalty@0.1.0',
    'IPM(GP)',
    'score',
    '64',
    '5',
    'adam lr 0.0001 b1 0',
    'adam lr 0.0001 b1 0',
    'gradient-penalty lambda=10',
  ]);
  t.deepEqual(row('sn-gan').slice(7), ['adam lr 0.0002 b1 0.5', 'adam lr 0.0002 b1 0.5', 'spectral-norm']);
  // The feature critics: the critic column says what network output each requires.
  t.deepEqual(row('mmd-gan'), [
    'mmd-gan',
    'mmdgan',
    '@ipmgan/mmd-gan@0.1.0',
    'MMD^2(h)',
    'features(16)',
    '64',
    '5',
    'rmsprop lr 0.00005',
    'rmsprop lr 0.00005',
    'weight-clipping clip=0.01',
  ]);
  t.deepEqual(row('cramer-gan').slice(3, 7), ['ED(h)', 'features(256)', '128', '5']);
  t.truthy(lines.find((l) => l.startsWith('gan: Standard GAN')));
  // Every other kind, with its package: core's built-ins and the experiments' generators.
  const other = (id: string): string[] =>
    (lines.find((l) => / {2}/.test(l) && l.split(/ {2,}/)[1] === id) ?? '').split(/ {2,}/).slice(0, 4);
  t.deepEqual(other('weight-clipping'), ['constraint', 'weight-clipping', 'clip', '@ipmgan/core@0.1.0']);
  t.deepEqual(other('ring8'), ['data source', 'ring8', '8gaussians, ring', '@ipmgan/core@0.1.0']);
  t.deepEqual(other('mlp').slice(0, 2), ['network', 'mlp']);
  t.deepEqual(other('parallel-line').slice(0, 2), ['network', 'parallel-line']);
});

test("plugins --json gives every extension with its kind and package, and the objectives' defaults", (t) => {
  const { code, stdout } = runIpmgan(['plugins', '--json']);
  t.is(code, 0);
  const list = JSON.parse(stdout) as {
    kind: string;
    id: string;
    package: string;
    defaults?: { batchSize: number };
    requires?: unknown;
  }[];
  t.deepEqual(
    list.filter((p) => p.kind === 'objective').map((p) => [p.id, p.package, p.defaults?.batchSize]),
    [
      ['cramer-gan', '@ipmgan/cramer-gan', 128],
      ['wgan', '@ipmgan/critic-wgan', 64],
      ['gan', '@ipmgan/disc-gan', 64],
      ['ebgan', '@ipmgan/ebgan', 64],
      ['fisher-gan', '@ipmgan/fisher-gan', 64],
      ['wgan-gp', '@ipmgan/gradient-penalty', 64],
      ['mmd', '@ipmgan/mmd', 256],
      ['mmd-gan', '@ipmgan/mmd-gan', 64],
      ['sobolev-gan', '@ipmgan/sobolev-gan', 64],
      ['sn-gan', '@ipmgan/spectral-norm', 64],
    ],
  );
  t.deepEqual(
    list.filter((p) => p.kind === 'objective').map((p) => [p.id, p.requires]),
    [
      ['cramer-gan', { critic: { output: 'features', size: 256 } }],
      ['wgan', { critic: { output: 'score' } }],
      ['gan', { critic: { output: 'score' } }],
      ['ebgan', { critic: { output: 'autoencoder' } }],
      ['fisher-gan', { critic: { output: 'score' } }],
      ['wgan-gp', { critic: { output: 'score' } }],
      ['mmd', {}],
      ['mmd-gan', { critic: { output: 'features', size: 16 } }],
      ['sobolev-gan', { critic: { output: 'score' } }],
      ['sn-gan', { critic: { output: 'score' } }],
    ],
  );
  t.deepEqual(
    list.filter((p) => p.kind === 'network').map((p) => [p.id, p.package]),
    [
      ['mlp', '@ipmgan/core'],
      ['dcgan-generator', '@ipmgan/core'],
      ['dcgan-critic', '@ipmgan/core'],
      ['parallel-line', '@ipmgan/experiments'],
      ['gaussian-shift', '@ipmgan/experiments'],
    ],
  );
  t.deepEqual(
    list.filter((p) => p.kind === 'constraint').map((p) => [p.id, p.package]),
    [
      ['weight-clipping', '@ipmgan/core'],
      ['gradient-penalty', '@ipmgan/gradient-penalty'],
      ['spectral-norm', '@ipmgan/spectral-norm'],
    ],
  );
});

test("an objective whose requirement cannot be read (create throws) is listed as 'unknown', and the listing goes on", (t) => {
  const project = makeTempDir('plugins-unknown');
  try {
    const dir = join(project, 'node_modules', 'ipmgan-throws');
    mkdirSync(dir, { recursive: true });
    const manifest = { name: 'ipmgan-throws', version: '0.0.0', type: 'module', main: 'index.js' };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, ipmganPlugin: { objective: 'throws' } }));
    writeFileSync(
      join(dir, 'index.js'),
      "import { definePlugin } from '@ipmgan/core';\n" +
        "import { wgan } from '@ipmgan/critic-wgan';\n" +
        "export const ipmganPlugin = definePlugin({ name: 'ipmgan-throws', version: '0.0.0', extensions: [{ ...wgan, id: 'throws', aliases: [], create: () => { throw new Error('no'); } }] });\n",
    );
    const { code, stdout, stderr } = runIpmgan(['plugins'], project);
    t.is(code, 0, stderr);
    const row = (stdout.split('\n').find((l) => l.startsWith('throws ')) ?? '').split(/ {2,}/);
    // No aliases: the empty column merges into the gap.
    t.deepEqual(row.slice(0, 4), ['throws', 'ipmgan-throws@0.0.0', 'W1*K', 'unknown']);
    t.regex(stdout, /^wgan +wgan-clip +@ipmgan\/critic-wgan@0\.1\.0 +W1\*K +score /m);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

test('plugins --help describes the command; an unknown flag is exit 2', (t) => {
  const help = runIpmgan(['plugins', '--help']);
  t.is(help.code, 0);
  t.regex(help.stdout, /--json/);
  const bad = runIpmgan(['plugins', '--table']);
  t.is(bad.code, 2);
  t.is(bad.stderr, "ipmgan: unknown option '--table' (run ipmgan --help for usage)\n");
});

// The monorepo's install builds the addon (scripts/build-native.mjs); IPMGAN_NATIVE=0 runs the
// suite without it, and then the first assertion takes the other line.
test('plugins ends with one line on the native kernels: where they load from, or why not', (t) => {
  const local = join(repoRoot, 'packages', 'native', 'build', 'Release', 'ipmgan_native.node');
  const last = (stdout: string): string | undefined => stdout.trimEnd().split('\n').at(-1);
  const plain = runIpmgan(['plugins']);
  t.is(plain.code, 0, plain.stderr);
  t.is(
    last(plain.stdout),
    process.env.IPMGAN_NATIVE === '0'
      ? "native kernels: not active (IPMGAN_NATIVE=0); training runs on wasm's kernels"
      : `native kernels: active (local build, ${local})`,
  );
  const off = runIpmgan(['plugins'], repoRoot, { IPMGAN_NATIVE: '0' });
  t.is(off.code, 0, off.stderr);
  t.is(last(off.stdout), "native kernels: not active (IPMGAN_NATIVE=0); training runs on wasm's kernels");
  t.is(off.stdout.split('\n').filter((line) => line.includes('native')).length, 1);
  const bad = runIpmgan(['plugins'], repoRoot, { IPMGAN_NATIVE: 'yes' });
  t.is(bad.code, 2);
  t.is(bad.stdout, '');
  t.is(
    bad.stderr,
    'ipmgan: IPMGAN_NATIVE: expected 0 (native kernels off) or unset, got "yes"; the config\'s native field sets auto, on or off\n',
  );
});
