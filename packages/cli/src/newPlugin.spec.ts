import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const ava = join(repo, 'node_modules', 'ava', 'entrypoints', 'cli.mjs');

function node(args: string[], cwd: string) {
  // Plain output: under `lerna run` FORCE_COLOR is set, and colour codes would hide ava's summary.
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A temporary folder inside the repo (runs/ is git-ignored): @ipmgan/core, zod, ava, tsx and
 * typescript resolve from the workspace's node_modules, as they would from the plugin's own.
 */
function tempDir(t: { teardown: (fn: () => void) => void }): string {
  mkdirSync(join(repo, 'runs'), { recursive: true });
  const dir = mkdtempSync(join(repo, 'runs', 'new-plugin-spec-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

test('a scaffolded objective (from the real templates) builds, passes the conformance kit and trains from a config by its id', (t) => {
  const project = tempDir(t);
  const plugin = join(project, 'ipmgan-mean-gap');

  const created = node([bin, 'new-plugin', 'ipmgan-mean-gap'], project);
  t.is(created.code, 0, created.stderr);
  t.is(created.stdout.split('\n')[0], `ipmgan: created ipmgan-mean-gap (objective "mean-gap") in ${plugin}`);
  const manifest = JSON.parse(readFileSync(join(plugin, 'package.json'), 'utf8')) as Record<string, unknown>;
  t.deepEqual(manifest.ipmganPlugin, { objective: 'mean-gap' });
  // The published range of core, so that `npm install` resolves it from a registry.
  t.deepEqual(manifest.dependencies, { '@ipmgan/core': '^0.1.0', zod: '^4.1.0' });
  t.deepEqual(manifest.devDependencies, {
    '@types/node': '^20.19.0',
    ava: '^7.0.0',
    tsx: '^4.20.0',
    typescript: '~5.9.3',
  });
  // npm test, npm pack and npm publish build first: the drill's children import dist/.
  t.deepEqual(manifest.scripts, { build: 'tsc -p .', pretest: 'npm run build', test: 'ava', prepack: 'npm run build' });
  t.deepEqual(readdirSync(join(plugin, 'src')).sort(), [
    'conformance.spec.ts',
    'index.ts',
    'killResume.spec.ts',
    'meanGap.ts',
    'meanGapLosses.spec.ts',
    'meanGapLosses.ts',
  ]);
  // From the real templates in src/scaffold/templates/objective/: every token replaced.
  for (const file of readdirSync(join(plugin, 'src')))
    t.false(readFileSync(join(plugin, 'src', file), 'utf8').includes('emplate'), file);
  t.true(readFileSync(join(plugin, 'src', 'meanGap.ts'), 'utf8').includes("id: 'mean-gap'"));

  const built = node([tsc, '-p', plugin], plugin);
  t.is(built.code, 0, built.stdout + built.stderr);

  // The plugin is in no node_modules: the drill's children find it from its own folder.
  const tested = node([ava], plugin);
  t.is(tested.code, 0, tested.stdout + tested.stderr);
  // The kit's 8 checks, the losses' 3 closed forms and the kill-and-resume drill.
  t.regex(tested.stdout + tested.stderr, /\b12 tests passed\b/);
  t.regex(tested.stdout, /identical after SIGKILL and resume: 1\/1 trials/);

  // The project installs the plugin (a symlink, as `npm install ../ipmgan-mean-gap` makes) and
  // selects it by its id; core finds it through its package.json.
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(plugin, join(project, 'node_modules', 'ipmgan-mean-gap'), 'dir');
  writeFileSync(
    join(project, 'ipmgan.config.yaml'),
    'seed: 1\nbackend: cpu\nobjective: { name: mean-gap }\ndata: { name: ring8 }\n' +
      'generator: { network: { name: mlp, options: { hidden: [16] } } }\n' +
      'critic: { network: { name: mlp, options: { hidden: [16] } } }\n' +
      'run: { dir: runs, logEvery: 1 }\n',
  );
  const trained = node([bin, 'train', '--iterations', '5'], project);
  t.is(trained.code, 0, trained.stderr);
  t.regex(trained.stderr, /^ipmgan: training mean-gap on ring8 \(cpu\), iterations 0 -> 5/);
  const [run = ''] = readdirSync(join(project, 'runs'));
  const records = readFileSync(join(project, 'runs', run, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { iteration: number; estimateName: string; estimate: number });
  t.deepEqual(
    records.map((r) => r.iteration),
    [1, 2, 3, 4, 5],
  );
  t.true(records.every((r) => r.estimateName === 'IPM' && Number.isFinite(r.estimate)));
});

test('--critic features: an objective whose critic core builds with n outputs, built from the real templates; its drill passes from its own folder', (t) => {
  const project = tempDir(t);
  const plugin = join(project, 'ipmgan-feature-gap');
  const created = node([bin, 'new-plugin', 'ipmgan-feature-gap', '--critic', 'features'], project);
  t.is(created.code, 0, created.stderr);
  t.is(
    created.stdout.split('\n')[0],
    `ipmgan: created ipmgan-feature-gap (objective "feature-gap", feature critic) in ${plugin}`,
  );
  t.deepEqual(readdirSync(join(plugin, 'src')).sort(), [
    'conformance.spec.ts',
    'featureGap.spec.ts',
    'featureGap.ts',
    'featureGapLosses.spec.ts',
    'featureGapLosses.ts',
    'index.ts',
    'killResume.spec.ts',
  ]);
  const source = readFileSync(join(plugin, 'src', 'featureGap.ts'), 'utf8');
  t.true(source.includes("requires: { critic: { output: 'features', size: features } }"));
  t.true(source.includes('constraints: [],'));
  // No autoencoder form asked for, no code size, no decoder (its comment says so in words).
  t.false(source.includes('emplate') || /'autoencoder'|codeSize|decoder:/.test(source));
  const built = node([tsc, '-p', plugin], plugin);
  t.is(built.code, 0, built.stdout + built.stderr);
  // The kit and the closed forms run in the CLI's own suite (src/scaffold/templates/objective-features/).
  const drilled = node([ava, 'src/killResume.spec.ts'], plugin);
  t.is(drilled.code, 0, drilled.stdout + drilled.stderr);
  t.regex(drilled.stdout, /identical after SIGKILL and resume: 1\/1 trials/);
});

test('a non-empty target and a bad package name or id are refused in one line, exit code 2', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'keep.txt'), 'mine\n');
  const cases: [string[], string][] = [
    [['--dir', dir], `ipmgan: new-plugin: ${dir} exists and is not empty\n`],
    [
      ['--id', 'Mean_Gap'],
      'ipmgan: --id: "Mean_Gap" is not a lower-case kebab id starting with a letter (e.g. mean-matching)\n',
    ],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = node([bin, 'new-plugin', 'ipmgan-x', ...args], dir);
    t.is(stderr, message);
    t.is(stdout, '');
    t.is(code, 2);
  }
  const badKind = node([bin, 'new-plugin', 'ipmgan-x', '--kind', 'loss'], dir);
  t.is(
    badKind.stderr,
    'ipmgan: new-plugin: --kind: expected one of objective, constraint, data, network, hook, got "loss"\n',
  );
  t.is(badKind.code, 2);
  for (const [args, message] of [
    [['--critic', 'vector'], 'ipmgan: new-plugin: --critic: expected one of score, features, got "vector"\n'],
    [
      ['--critic', 'features', '--kind', 'data'],
      'ipmgan: new-plugin: --critic: only an objective has a critic, not --kind data\n',
    ],
  ] as const) {
    const refused = node([bin, 'new-plugin', 'ipmgan-x', ...args], dir);
    t.is(refused.stderr, message);
    t.is(refused.code, 2);
  }
  const badName = node([bin, 'new-plugin', 'Mean Gap'], dir);
  t.regex(badName.stderr, /^ipmgan: new-plugin: "Mean Gap" is not a valid npm package name [^\n]*\n$/);
  t.is(badName.code, 2);
  t.deepEqual(readdirSync(dir), ['keep.txt'], 'nothing was written');
});

test('--kind constraint builds from the real templates and passes the constraint kit; every kind names its files', (t) => {
  const project = tempDir(t);
  const plugin = join(project, 'ipmgan-unit-ball');
  const created = node([bin, 'new-plugin', 'ipmgan-unit-ball', '--kind', 'constraint'], project);
  t.is(created.code, 0, created.stderr);
  t.is(created.stdout.split('\n')[0], `ipmgan: created ipmgan-unit-ball (constraint "unit-ball") in ${plugin}`);
  t.deepEqual(readdirSync(join(plugin, 'src')).sort(), [
    'conformance.spec.ts',
    'index.ts',
    'killResume.spec.ts',
    'unitBall.spec.ts',
    'unitBall.ts',
  ]);
  const source = readFileSync(join(plugin, 'src', 'unitBall.ts'), 'utf8');
  t.true(source.includes("id: 'unit-ball'") && source.includes('export const unitBall') && !source.includes('emplate'));
  const manifest = JSON.parse(readFileSync(join(plugin, 'package.json'), 'utf8')) as Record<string, unknown>;
  t.is(manifest.ipmganPlugin, undefined);
  t.is(manifest.description, 'The "unit-ball" constraint for ipmgan.');
  // Its drill trains WGAN with the constraint.
  t.like(manifest.devDependencies, { '@ipmgan/critic-wgan': '^0.1.0', '@types/node': '^20.19.0' });
  const built = node([tsc, '-p', plugin], plugin);
  t.is(built.code, 0, built.stdout + built.stderr);
  const tested = node([ava], plugin);
  t.is(tested.code, 0, tested.stdout + tested.stderr);
  // The kit's 5 checks for a projection (no penalty or reparametrisation check), the
  // projection's closed form and the drill, WGAN with the constraint found from its folder.
  t.regex(tested.stdout + tested.stderr, /\b7 tests passed\b/);
  t.regex(tested.stdout, /identical after SIGKILL and resume: 1\/1 trials/);

  for (const [kind, files] of [
    ['data', ['conformance.spec.ts', 'index.ts', 'killResume.spec.ts', 'squareData.spec.ts', 'squareData.ts']],
    ['network', ['index.ts', 'killResume.spec.ts', 'squareData.spec.ts', 'squareData.ts']],
    ['hook', ['SquareData.spec.ts', 'SquareData.ts', 'index.ts', 'killResume.spec.ts']],
  ] as const) {
    const dir = join(project, kind);
    const made = node([bin, 'new-plugin', 'ipmgan-square-data', '--kind', kind, '--dir', dir], project);
    t.is(made.code, 0, made.stderr);
    t.deepEqual(readdirSync(join(dir, 'src')).sort(), [...files]);
    const built = node([tsc, '-p', dir], dir);
    t.is(built.code, 0, `${kind}: ${built.stdout}${built.stderr}`);
  }
});

test("the README's install commands are the guide's: a packed tarball, not a link to the folder", (t) => {
  const project = tempDir(t);
  const created = node([bin, 'new-plugin', 'ipmgan-mean-matching'], project);
  t.is(created.code, 0, created.stderr);
  t.is(created.stdout.split('\n')[1], 'next: cd ipmgan-mean-matching && npm install && npm test');
  const readme = readFileSync(join(project, 'ipmgan-mean-matching', 'README.md'), 'utf8');
  const guide = readFileSync(join(repo, 'docs', 'authoring-plugins.md'), 'utf8');
  const install = /## Use it\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  t.deepEqual(install.trim().split('\n'), [
    'npm pack',
    'cd ../my-project',
    'npm install ../ipmgan-mean-matching/ipmgan-mean-matching-0.1.0.tgz',
  ]);
  for (const command of ['npm pack', 'npm install ../ipmgan-mean-matching/ipmgan-mean-matching-0.1.0.tgz'])
    t.true(guide.includes(`\`${command}\``), `the guide shows ${command}`);
  // The guide's warning, in the README too.
  t.true(readme.includes('Not\n`npm install ../ipmgan-mean-matching`: that links this folder'));
  t.true(guide.includes('A plain `npm install ../ipmgan-mean-matching` creates a symlink'));
});
