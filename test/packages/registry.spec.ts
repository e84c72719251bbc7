import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corePlugin } from '@ipmgan/core/engine';
import test, { type ExecutionContext } from 'ava';
import type { CommandResult } from './CommandResult.js';
import { ipmganClosure } from './ipmganClosure.js';
import type { LocalRegistry } from './LocalRegistry.js';
import { nodeModulesFootprint } from './nodeModulesFootprint.js';
import { npmEnvironment } from './npmEnvironment.js';
import { processGroups } from './processGroups.js';
import { runCommand } from './runCommand.js';
import { startRegistry } from './startRegistry.js';
import { verdaccioConfig } from './verdaccioConfig.js';
import type { WorkspacePackage } from './WorkspacePackage.js';

/*
 * ipmgan as a user gets it: every workspace package published to a real npm registry
 * (Verdaccio on loopback, throw-away storage), then installed piece by piece into fresh
 * projects outside the repository whose .npmrc names only that registry. The steps run in
 * order; each says which earlier one it needs.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const area = realpathSync(mkdtempSync(join(tmpdir(), 'ipmgan-registry-')));
const env = npmEnvironment(area);
const user = join(area, 'user');
const plugin = join(area, 'ipmgan-hinge');
const npmFlags = '--no-audit --no-fund --prefer-offline';
const runStamp = String.raw`\d{8}T\d{6}Z`;

let registry: LocalRegistry | undefined;
let workspaces: readonly WorkspacePackage[] = [];
/** Every command a user would type, in order (the docs check reads it). */
const transcript: string[] = [];
/** What later steps build on, set when the step that makes it succeeds. */
const done = { published: false, userInstalled: false, discGanInstalled: false };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A child's output for a failure message; its ava summary lines are reworded so that .ci/run does not count them. */
function shown(result: CommandResult): string {
  const tail = (text: string): string => text.split('\n').slice(-40).join('\n');
  return `stdout:\n${tail(result.stdout)}\nstderr:\n${tail(result.stderr)}`.replace(
    /\b(\d+) (tests?|known failures?) (passed|failed)/g,
    '$1 child $2 $3',
  );
}

/** One command run: its result and the line that logs it. */
interface Ran {
  readonly result: CommandResult;
  readonly line: string;
}

/** Runs `command` in `cwd` as a user would. A documented command is one docs/authoring-plugins.md shows. */
async function ran(cwd: string, command: string, documented = true): Promise<Ran> {
  if (documented) transcript.push(command);
  const result = await runCommand(command, { cwd, env, timeoutMs: 240_000 });
  const where = cwd.startsWith(area) ? relative(area, cwd) || '.' : cwd;
  const status = result.code === null ? `signal ${String(result.signal)}` : `exit ${String(result.code)}`;
  return { result, line: `$ ${command}   [in ${where}] -> ${status}, ${result.seconds.toFixed(1)} s` };
}

/** Logs a command with its exit code and wall time, and asserts the exit code. */
function check(t: ExecutionContext, { result, line }: Ran, expectedCode = 0): CommandResult {
  t.log(line);
  t.is(result.code, expectedCode, `${result.command} (in ${result.cwd})\n${shown(result)}`);
  return result;
}

async function sh(
  t: ExecutionContext,
  cwd: string,
  command: string,
  { expectedCode = 0, documented = true }: { expectedCode?: number; documented?: boolean } = {},
): Promise<CommandResult> {
  return check(t, await ran(cwd, command, documented), expectedCode);
}

/** A scaffolded plugin's first steps and their wall time. */
interface Prepared {
  readonly steps: Ran[];
  readonly seconds: number;
}

/**
 * A plugin's first steps, scaffold to `npm test` (which builds first) in its own folder
 * `dir` outside the repository, with @ipmgan/core (and any devDependency) from the registry
 * at `url`: they need only the CLI, so they run alongside the steps that train (installs wait
 * on the network, trainings on the CPU), and a later step checks them. Stops at the first
 * command that fails. `documented`: the commands are the guide's.
 */
async function preparePlugin(url: string, scaffold: string, dir: string, documented = true): Promise<Prepared> {
  const started = performance.now();
  const steps: Ran[] = [];
  for (const [cwd, command] of [
    [user, scaffold],
    [dir, `echo 'registry=${url}' > .npmrc`],
    [dir, `npm install ${npmFlags}`],
    [dir, 'npm test'],
  ] as const) {
    const step = await ran(cwd, command, documented);
    steps.push(step);
    if (step.result.code !== 0) break;
  }
  return { steps, seconds: (performance.now() - started) / 1000 };
}
let pluginPrepared: Promise<Prepared> | undefined;

/**
 * Every other kind `new-plugin` offers, with the tests its own `npm test` runs: the kit's
 * checks where core has a kit for the kind, the template's closed-form test, and the
 * kill-and-resume drill (WGAN, a devDependency, trained with the plugin).
 */
const otherKinds = [
  { kind: 'constraint', flags: '--kind constraint', name: 'ipmgan-unit-ball', tests: 7 },
  { kind: 'data', flags: '--kind data', name: 'ipmgan-square', tests: 8 },
  { kind: 'network', flags: '--kind network', name: 'ipmgan-affine', tests: 2 },
  { kind: 'hook', flags: '--kind hook', name: 'ipmgan-mean-norm', tests: 2 },
  // The kit's 8 checks, 5 closed forms of the losses and witness, 3 checks of the critic core builds, the drill.
  { kind: 'feature critic', flags: '--critic features', name: '@me/ipmgan-feature-gap', tests: 17 },
] as const;
const featureGap = join(area, 'ipmgan-feature-gap');
/** The other kinds' first steps, one kind after another once the objective's are done (two at a time would share two cores). */
let kindsPrepared: Promise<Prepared[]> | undefined;

async function prepareKinds(url: string): Promise<Prepared[]> {
  await pluginPrepared;
  const prepared: Prepared[] = [];
  for (const { flags, name } of otherKinds) {
    const folder = name.replace(/^@[^/]+\//, '');
    const scaffold = `npx ipmgan new-plugin ${name} ${flags} --dir ../${folder}`;
    prepared.push(await preparePlugin(url, scaffold, join(area, folder), false));
  }
  return prepared;
}

/** The number of tests ava reports passed, or -1; ava's summary is `  N tests passed`. */
function testsPassed(result: CommandResult): number {
  return Number(/^\s*(\d+) tests? passed$/m.exec(result.stdout + result.stderr)?.[1] ?? '-1');
}

/** A serial step that fails at once, naming what is missing, when a step it needs did not succeed. */
function step(
  title: string,
  needs: readonly (keyof typeof done)[],
  body: (t: ExecutionContext) => Promise<void>,
): void {
  test.serial(title, async (t) => {
    const missing = needs.filter((need) => !done[need]);
    if (registry === undefined || missing.length > 0) {
      t.fail(`not run: an earlier step failed (${registry === undefined ? 'registry' : missing.join(', ')})`);
      return;
    }
    const started = performance.now();
    try {
      await body(t);
    } finally {
      t.log(`wall time of this step: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });
}

/** `ipmgan plugins --json` as "kind id package" lines, sorted. */
function installedExtensions(json: string): string[] {
  return (JSON.parse(json) as { kind: string; id: string; package: string }[])
    .map((e) => `${e.kind} ${e.id} ${e.package}`)
    .sort();
}

/** The extensions @ipmgan/core itself provides (the workspace's, which was published). */
function coreExtensions(): string[] {
  return corePlugin.extensions.map((e) => `${e.kind} ${e.id} @ipmgan/core`);
}

interface MetricsRecord {
  readonly iteration: number;
  readonly estimateName: string;
  readonly elapsedSeconds: number;
}

/** The kernel set a run recorded in its config.resolved.json. */
function kernelsOf(runDir: string): unknown {
  return (JSON.parse(readFileSync(join(runDir, 'config.resolved.json'), 'utf8')) as { kernels?: unknown }).kernels;
}

function metrics(runDir: string): MetricsRecord[] {
  return readFileSync(join(runDir, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as MetricsRecord);
}

/**
 * Asserts `ipmgan train --iterations N` output line by line and returns the run directory:
 * the start line on stderr, exactly the finish and report lines on stdout.
 */
function assertTrained(t: ExecutionContext, result: CommandResult, objective: string, iterations: number): string {
  const start = new RegExp(
    `^ipmgan: training ${escapeRegExp(objective)} on ring8 \\(wasm\\), iterations 0 -> ${String(iterations)}, ` +
      `run directory (${escapeRegExp(join(user, 'runs'))}/my-run-${runStamp})$`,
    'm',
  );
  const runDir = start.exec(result.stderr)?.[1];
  if (runDir === undefined) {
    t.fail(`no start line for ${objective} in:\n${result.stderr}`);
    return '';
  }
  const checkpoint = join(runDir, 'checkpoints', `iter-${String(iterations).padStart(7, '0')}`);
  t.is(
    result.stdout,
    `ipmgan: finished at iteration ${String(iterations)}; results in ${runDir} (checkpoint ${checkpoint})\n` +
      `report: ${join(runDir, 'report.html')}\n`,
  );
  t.true(existsSync(join(runDir, 'report.html')));
  return runDir;
}

/**
 * The temporary folder goes too, unless IPMGAN_KEEP_REGISTRY_TEST is set (to look into it
 * after a failure). Its tens of thousands of files are removed by a detached rm that the
 * test does not wait for (over a minute on a busy machine).
 */
function removeArea(): void {
  if (process.env.IPMGAN_KEEP_REGISTRY_TEST !== undefined) return;
  spawn('rm', ['-rf', area], { detached: true, stdio: 'ignore' }).unref();
}

test.before(async () => {
  // On an interrupt, after every process group of the test is killed.
  processGroups.atExit(removeArea);
  registry = await startRegistry(join(area, 'registry'), repoRoot, env);
});

test.after.always(async () => {
  await registry?.stop();
  removeArea();
});

step('every workspace package is published to the local registry', [], async (t) => {
  if (registry === undefined) return;
  const { url } = registry;
  t.log(`registry ${url} (Verdaccio, config ${registry.configFile}); projects in ${area}`);
  // npm publish wants a token even where the registry allows anonymous publishing; any value does.
  transcript.push(registry.command);
  await sh(t, area, `npm config set //${new URL(url).host}/:_authToken=anonymous`);
  const query = await sh(t, repoRoot, 'npm query .workspace', { documented: false });
  workspaces = JSON.parse(query.stdout) as WorkspacePackage[];
  const publishable = workspaces.filter((w) => w.private !== true);
  t.true(
    publishable.some((w) => w.name === '@ipmgan/core'),
    'npm query .workspace lists @ipmgan/core',
  );
  await sh(t, repoRoot, `npm publish --workspaces --registry ${url}`);
  const published: string[] = [];
  for (const w of publishable) {
    const response = await fetch(`${url}${w.name.replace('/', '%2f')}`);
    const document = (await response.json()) as { versions?: Record<string, { dist: { tarball: string } }> };
    const tarball = document.versions?.[w.version]?.dist.tarball ?? '';
    if (tarball.startsWith(url)) published.push(`${w.name}@${w.version}`);
  }
  t.deepEqual(
    published,
    publishable.map((w) => `${w.name}@${w.version}`),
  );
  t.log(`published ${String(published.length)} packages: ${published.join(', ')}`);
  done.published = true;
});

step('a WGAN-only project: @ipmgan/cli and @ipmgan/critic-wgan, plugins, init, train', ['published'], async (t) => {
  if (registry === undefined) return;
  mkdirSync(user);
  await sh(t, user, 'npm init -y');
  await sh(t, user, `echo 'registry=${registry.url}' > .npmrc`);
  const installed = await sh(t, user, `npm install @ipmgan/cli @ipmgan/critic-wgan ${npmFlags}`);
  t.notRegex(installed.stderr, /install-scripts.*@ipmgan\//, 'no @ipmgan package has an install script');
  done.userInstalled = true;
  pluginPrepared = preparePlugin(registry.url, 'npx ipmgan new-plugin @me/ipmgan-hinge --dir ../ipmgan-hinge', plugin);
  kindsPrepared = prepareKinds(registry.url);
  // Awaited by the plugin steps; until then a rejection (a command that could not be spawned) is not unhandled.
  pluginPrepared.catch(() => undefined);
  kindsPrepared.catch(() => undefined);

  const expected = ipmganClosure(['@ipmgan/cli', '@ipmgan/critic-wgan'], workspaces);
  const footprint = nodeModulesFootprint(user);
  t.log(
    `WGAN-only install: ${String(footprint.packages)} packages in node_modules, ` +
      `${(footprint.diskBytes / 2 ** 20).toFixed(1)} MB on disk (du -sm), ${(footprint.bytes / 1e6).toFixed(1)} MB of files; ` +
      `@ipmgan packages: ${expected.join(', ')}`,
  );
  // Exactly the @ipmgan packages the two depend on, and among them no objective but wgan.
  t.deepEqual(
    readdirSync(join(user, 'node_modules', '@ipmgan'))
      .map((name) => `@ipmgan/${name}`)
      .sort(),
    expected,
  );
  t.deepEqual(
    workspaces.filter((w) => expected.includes(w.name) && w.ipmganPlugin?.objective !== undefined).map((w) => w.name),
    ['@ipmgan/critic-wgan'],
  );
  t.false(expected.includes('@ipmgan/experiments'));

  // Every extension installed: wgan's objective and core's own (constraints, data sources,
  // networks), nothing else; the table shows one objective row.
  const listed = await sh(t, user, 'npx ipmgan plugins --json', { documented: false });
  t.deepEqual(installedExtensions(listed.stdout), ['objective wgan @ipmgan/critic-wgan', ...coreExtensions()].sort());
  const table = await sh(t, user, 'npx ipmgan plugins');
  const [objectiveTable = ''] = table.stdout.split('\n\n');
  // The prebuilt platform package came with @ipmgan/native (its optional dependency) and loads:
  // no compiler, no build, no install script ran (npm's allowScripts has nothing to ask).
  t.is(
    table.stdout.trimEnd().split('\n').at(-1),
    `native kernels: active (prebuilt, ${join(user, 'node_modules', '@ipmgan', 'native-linux-x64-gnu', 'ipmgan_native.node')})`,
  );
  t.false(existsSync(join(user, 'node_modules', '@ipmgan', 'native', 'build')), 'nothing was compiled');
  t.deepEqual(
    objectiveTable
      .split('\n')
      .slice(2)
      .map((row) => row.split(/ {2,}/).slice(0, 4).join(' | ')),
    ['wgan | wgan-clip | @ipmgan/critic-wgan@0.1.0 | W1*K'],
  );

  const config = join(user, 'ipmgan.config.yaml');
  const init = await sh(t, user, 'npx ipmgan init');
  t.is(init.stdout, `ipmgan: wrote ${config}; train it with: npx ipmgan train -c ${config}\n`);

  const trained = await sh(t, user, 'npx ipmgan train --iterations 20');
  const runDir = assertTrained(t, trained, 'wgan', 20);
  t.like(kernelsOf(runDir), { native: true, source: 'prebuilt', threads: 1 });
  const records = metrics(runDir);
  t.deepEqual(
    records.map((r) => [r.iteration, r.estimateName]),
    [
      [10, 'W1*K'],
      [20, 'W1*K'],
    ],
  );

  // The published packages are the workspace's code: the same config trained by the repo's
  // own CLI (its workspace plugins) gives the same numbers, bit for bit.
  mkdirSync(join(repoRoot, 'runs'), { recursive: true });
  const twin = mkdtempSync(join(repoRoot, 'runs', 'registry-twin-'));
  try {
    writeFileSync(join(twin, 'ipmgan.config.yaml'), readFileSync(config));
    await sh(t, twin, `node ${join(repoRoot, 'packages', 'cli', 'dist', 'bin.js')} train --iterations 20`, {
      documented: false,
    });
    const [twinRun = ''] = readdirSync(join(twin, 'runs'));
    const withoutTime = (rs: readonly MetricsRecord[]): object[] => rs.map(({ elapsedSeconds: _, ...rest }) => rest);
    t.deepEqual(withoutTime(records), withoutTime(metrics(join(twin, 'runs', twinRun))));
  } finally {
    rmSync(twin, { recursive: true, force: true });
  }
});

step(
  'the WGAN-only project again with --omit=optional: no prebuilt addon, wasm kernels, one line saying so; native: on fails in one line',
  ['userInstalled'],
  async (t) => {
    if (registry === undefined) return;
    const bare = join(area, 'user-wasm');
    mkdirSync(bare);
    await sh(t, bare, 'npm init -y');
    await sh(t, bare, `echo 'registry=${registry.url}' > .npmrc`);
    await sh(t, bare, `npm install @ipmgan/cli @ipmgan/critic-wgan --omit=optional ${npmFlags}`);
    t.deepEqual(
      readdirSync(join(bare, 'node_modules', '@ipmgan'))
        .map((name) => `@ipmgan/${name}`)
        .sort(),
      ipmganClosure(['@ipmgan/cli', '@ipmgan/critic-wgan'], workspaces, true),
    );
    t.false(existsSync(join(bare, 'node_modules', '@ipmgan', 'native-linux-x64-gnu')));
    // The loader's reason names both attempts: the prebuilt package, then a local build.
    const local = join(bare, 'node_modules', '@ipmgan', 'native', 'build', 'Release', 'ipmgan_native.node');
    const table = await sh(t, bare, 'npx ipmgan plugins');
    const lines = table.stdout.trimEnd().split('\n');
    const line = new RegExp(
      `^native kernels: not active \\((@ipmgan/native-linux-x64-gnu is not installed; no local build at ${escapeRegExp(local)}\\b.*)\\); training runs on wasm's kernels$`,
    );
    const reason = line.exec(lines.at(-1) ?? '')?.[1] ?? '';
    t.not(reason, '', lines.at(-1));
    t.is(lines.filter((l) => l.includes('native')).length, 1, 'one line about the native kernels');

    await sh(t, bare, 'npx ipmgan init', { documented: false });
    const trained = await sh(t, bare, 'npx ipmgan train --iterations 10 --verbose', { documented: false });
    t.regex(
      trained.stderr,
      new RegExp(`^ipmgan: kernels: wasm \\(native not active: ${escapeRegExp(reason)}\\)$`, 'm'),
    );
    const [runName = ''] = readdirSync(join(bare, 'runs'));
    t.deepEqual(kernelsOf(join(bare, 'runs', runName)), { native: false, reason });

    const runsBefore = readdirSync(join(bare, 'runs'));
    const on = await sh(t, bare, 'npx ipmgan train --iterations 10 --set native=on', {
      expectedCode: 2,
      documented: false,
    });
    t.is(on.stderr, `ipmgan: native: "on", but the native kernels cannot load: ${reason}\n`);
    t.deepEqual(readdirSync(join(bare, 'runs')), runsBefore, 'nothing written for a run that could not start');
  },
);

step(
  'objective gan without @ipmgan/disc-gan: one line, exit 2; installed, the same config trains',
  ['userInstalled'],
  async (t) => {
    const config = join(user, 'ipmgan.config.yaml');
    const original = readFileSync(config, 'utf8');
    const swapped = original.replace(/^( {2}name: )wgan /m, '$1gan  ');
    t.not(swapped, original, 'the starter config names its objective as "  name: wgan"');
    writeFileSync(config, swapped);
    const runsBefore = readdirSync(join(user, 'runs'));

    const missing = await sh(t, user, 'npx ipmgan train --iterations 20', { expectedCode: 2 });
    t.is(
      missing.stderr,
      'ipmgan: objective.name: "gan" is provided by @ipmgan/disc-gan, which is not installed (npm install @ipmgan/disc-gan)\n',
    );
    t.is(missing.stdout, '');
    t.deepEqual(readdirSync(join(user, 'runs')), runsBefore, 'nothing written for a config that failed');

    await sh(t, user, `npm install @ipmgan/disc-gan ${npmFlags}`);
    done.discGanInstalled = true;
    const trained = await sh(t, user, 'npx ipmgan train --iterations 20');
    const runDir = assertTrained(t, trained, 'gan', 20);
    t.deepEqual(
      metrics(runDir).map((r) => [r.iteration, r.estimateName]),
      [
        [10, 'JS lower bound'],
        [20, 'JS lower bound'],
      ],
    );
  },
);

step(
  'ipmgan new-plugin @me/ipmgan-hinge: built and tested against the registry, published, trained and compared with wgan',
  ['userInstalled'],
  async (t) => {
    if (registry === undefined) return;
    const { url } = registry;
    if (pluginPrepared === undefined) {
      t.fail('the plugin was not scaffolded');
      return;
    }
    const prepared = await pluginPrepared;
    t.log(
      `scaffold, install, build and test of the plugin, alongside the steps before: ${prepared.seconds.toFixed(1)} s`,
    );
    const [created, npmrc, installed, tested] = prepared.steps;
    if (created === undefined || npmrc === undefined || installed === undefined || tested === undefined) {
      for (const step of prepared.steps) check(t, step);
      t.fail('the plugin was not prepared');
      return;
    }
    t.is(
      check(t, created).stdout,
      `ipmgan: created @me/ipmgan-hinge (objective "hinge") in ${plugin}\n` +
        'next: cd ../ipmgan-hinge && npm install && npm test\n',
    );
    check(t, npmrc);
    check(t, installed);
    const core = workspaces.find((w) => w.name === '@ipmgan/core');
    const lock = JSON.parse(readFileSync(join(plugin, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; resolved?: string }>;
    };
    const locked = lock.packages['node_modules/@ipmgan/core'];
    t.is(locked?.version, core?.version);
    t.is(locked?.resolved, `${url}@ipmgan/core/-/core-${String(core?.version)}.tgz`);

    const testedResult = check(t, tested);
    // The scaffold's own specs: the losses' closed forms, core's conformance kit and the
    // kill-and-resume drill, whose children found the plugin from its own folder (it is
    // installed nowhere).
    t.is(testsPassed(testedResult), 12, shown(testedResult));
    t.notRegex(testedResult.stdout + testedResult.stderr, /\bfailed\b/);
    t.regex(testedResult.stdout, /identical after SIGKILL and resume: 1\/1 trials/);
    t.false(existsSync(join(plugin, 'node_modules', '@me')));
    await sh(t, plugin, 'npm publish');

    await sh(t, user, `npm install @me/ipmgan-hinge ${npmFlags}`);
    const listed = await sh(t, user, 'npx ipmgan plugins --json', { documented: false });
    t.deepEqual(
      installedExtensions(listed.stdout),
      [
        ...(done.discGanInstalled ? ['objective gan @ipmgan/disc-gan'] : []),
        'objective hinge @me/ipmgan-hinge',
        'objective wgan @ipmgan/critic-wgan',
        ...coreExtensions(),
      ].sort(),
    );
    const trained = await sh(t, user, 'npx ipmgan train --set objective.name=hinge --iterations 20');
    const runDir = assertTrained(t, trained, 'hinge', 20);
    t.deepEqual(
      metrics(runDir).map((r) => [r.iteration, r.estimateName]),
      [
        [10, 'IPM'],
        [20, 'IPM'],
      ],
    );

    // The starter config with its objective back to wgan and a compare block of wgan and hinge.
    const starter = readFileSync(join(user, 'ipmgan.config.yaml'), 'utf8').replace(/^( {2}name: )g?an /m, '$1wgan ');
    writeFileSync(join(user, 'compare.yaml'), `${starter}compare:\n  objectives: [wgan, hinge]\n  seeds: [1]\n`);
    const compared = await sh(t, user, 'npx ipmgan compare -c compare.yaml --iterations 10 --workers 2');
    t.regex(compared.stdout, /^wgan-seed1 +finished +10\/10 +\d+\.\d$/m);
    t.regex(compared.stdout, /^hinge-seed1 +finished +10\/10 +\d+\.\d$/m);
    t.regex(compared.stdout, /^wgan +W1\*K +1 /m);
    t.regex(compared.stdout, /^hinge +IPM +1 /m);
    const report = new RegExp(
      `^report: (${escapeRegExp(join(user, 'runs'))}/my-run-compare-${runStamp}/report\\.html)$`,
      'm',
    ).exec(compared.stdout)?.[1];
    t.true(report !== undefined && existsSync(report), compared.stdout);
  },
);

step('npm install @ipmgan/experiments, then ipmgan reproduce e2 (a small E2)', ['discGanInstalled'], async (t) => {
  const runsBefore = readdirSync(join(user, 'runs'));
  const missing = await sh(t, user, 'npx ipmgan reproduce e2', { expectedCode: 2 });
  t.is(
    missing.stderr,
    'ipmgan: reproduce: needs @ipmgan/experiments, which is not installed (npm install @ipmgan/experiments)\n',
  );
  t.is(missing.stdout, '');
  t.deepEqual(readdirSync(join(user, 'runs')), runsBefore, 'no output folder for a command that could not start');

  await sh(t, user, `npm install @ipmgan/experiments ${npmFlags}`);
  const shipped = readFileSync(
    join(user, 'node_modules', '@ipmgan', 'experiments', 'configs', 'e2-optimal-critic.yaml'),
    'utf8',
  );
  // The shipped E2 with fewer steps and samples, as the CLI's reproduce spec runs it.
  const small = shipped
    .replace(/^criticSteps: \d+$/m, 'criticSteps: 600')
    .replace(/^evaluationSamples: \d+$/m, 'evaluationSamples: 256');
  t.not(small, shipped);
  writeFileSync(join(user, 'e2-small.yaml'), small);
  const out = join(user, 'reproduce');
  const reproduced = await sh(t, user, 'npx ipmgan reproduce e2 --config e2-small.yaml -o reproduce');
  t.regex(
    reproduced.stdout,
    new RegExp(
      `^e2-optimal-critic: 4 of 4 claims held \\(\\d+ s\\); report ${escapeRegExp(join(out, 'e2-optimal-critic', 'report.html'))}$`,
      'm',
    ),
  );
  const results = JSON.parse(readFileSync(join(out, 'e2-optimal-critic', 'results.json'), 'utf8')) as {
    claims: { held: boolean }[];
  };
  t.deepEqual(
    results.claims.map((c) => c.held),
    [true, true, true, true],
  );
});

step(
  'gradient-penalty, spectral-norm, fisher-gan, sobolev-gan, mmd-gan and cramer-gan install one at a time: each objective is named as missing, then trains',
  ['userInstalled'],
  async (t) => {
    const packages = [
      ['@ipmgan/gradient-penalty', 'wgan-gp', 'IPM(GP)', ['constraint gradient-penalty', 'objective wgan-gp']],
      ['@ipmgan/spectral-norm', 'sn-gan', 'IPM(SN)', ['constraint spectral-norm', 'objective sn-gan']],
      ['@ipmgan/fisher-gan', 'fisher-gan', 'IPM', ['objective fisher-gan']],
      ['@ipmgan/sobolev-gan', 'sobolev-gan', 'Sobolev IPM', ['objective sobolev-gan']],
      ['@ipmgan/mmd-gan', 'mmd-gan', 'MMD^2(h)', ['objective mmd-gan']],
      ['@ipmgan/cramer-gan', 'cramer-gan', 'ED(h)', ['objective cramer-gan']],
    ] as const;
    for (const [name, objective, estimateName, extensions] of packages) {
      const train = `npx ipmgan train --set objective.name=${objective} --iterations 20`;
      const runsBefore = readdirSync(join(user, 'runs'));
      const missing = await sh(t, user, train, { expectedCode: 2, documented: false });
      t.is(
        missing.stderr,
        `ipmgan: objective.name: "${objective}" is provided by ${name}, which is not installed (npm install ${name})\n`,
      );
      t.deepEqual(readdirSync(join(user, 'runs')), runsBefore, 'nothing written for a config that failed');
      await sh(t, user, `npm install ${name} ${npmFlags}`, { documented: false });
      const listed = await sh(t, user, 'npx ipmgan plugins --json', { documented: false });
      t.deepEqual(
        installedExtensions(listed.stdout).filter((line) => line.endsWith(` ${name}`)),
        extensions.map((e) => `${e} ${name}`),
      );
      const runDir = assertTrained(t, await sh(t, user, train, { documented: false }), objective, 20);
      t.deepEqual(
        metrics(runDir).map((r) => [r.iteration, r.estimateName]),
        [
          [10, estimateName],
          [20, estimateName],
        ],
      );
    }
  },
);

step(
  'ipmgan new-plugin --kind constraint, data, network, hook and an objective --critic features, each in its own folder outside the repository: npm install from the registry, its own npm test passes, kill-and-resume drill included; the feature-critic objective trains in the project with no autoencoder and no constraint',
  ['userInstalled'],
  async (t) => {
    if (registry === undefined) return;
    if (kindsPrepared === undefined) {
      t.fail('the plugins were not scaffolded');
      return;
    }
    const core = workspaces.find((w) => w.name === '@ipmgan/core');
    const prepared = await kindsPrepared;
    for (const [i, { kind, name, tests }] of otherKinds.entries()) {
      const dir = join(area, name.replace(/^@[^/]+\//, ''));
      const { steps, seconds } = prepared[i] ?? { steps: [], seconds: 0 };
      for (const ranStep of steps) check(t, ranStep);
      const tested = steps[3]?.result;
      if (steps.length < 4 || tested === undefined) {
        t.fail(`${kind}: the plugin was not prepared`);
        continue;
      }
      t.log(`${kind}: scaffold, install and npm test in ${seconds.toFixed(1)} s`);
      t.is(testsPassed(tested), tests, `${kind}: ${shown(tested)}`);
      t.notRegex(tested.stdout + tested.stderr, /\bfailed\b/);
      t.regex(tested.stdout, /identical after SIGKILL and resume: 1\/1 trials/, kind);
      // Core (and WGAN, the drill's objective) from the registry; the plugin itself installed nowhere.
      const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { resolved?: string }>;
      };
      t.is(
        lock.packages['node_modules/@ipmgan/core']?.resolved,
        `${registry.url}@ipmgan/core/-/core-${String(core?.version)}.tgz`,
      );
      // The drill's objective for the kinds that are not one: WGAN, from the registry.
      t.is(
        lock.packages['node_modules/@ipmgan/critic-wgan']?.resolved,
        kind === 'feature critic'
          ? undefined
          : `${registry.url}@ipmgan/critic-wgan/-/critic-wgan-${String(core?.version)}.tgz`,
      );
      t.false(existsSync(join(dir, 'node_modules', name)));
    }
    if (!(prepared.at(-1)?.steps.every((s) => s.result.code === 0) ?? false)) return;

    // The feature-critic objective, published and installed, trains from the starter config:
    // core builds a network with 16 outputs for it, no decoder, and no constraint.
    await sh(t, featureGap, 'npm publish', { documented: false });
    await sh(t, user, `npm install @me/ipmgan-feature-gap ${npmFlags}`, { documented: false });
    const trained = await sh(t, user, 'npx ipmgan train --set objective.name=feature-gap --iterations 20', {
      documented: false,
    });
    const runDir = assertTrained(t, trained, 'feature-gap', 20);
    const resolved = JSON.parse(readFileSync(join(runDir, 'config.resolved.json'), 'utf8')) as {
      critic: { form: string; features?: number; decoder: unknown; constraints: unknown[] };
    };
    t.like(resolved.critic, { form: 'features', features: 16, decoder: null, constraints: [] });
    t.deepEqual(
      metrics(runDir).map((r) => [r.iteration, r.estimateName]),
      [
        [10, 'feature mean gap'],
        [20, 'feature mean gap'],
      ],
    );
  },
);

test.serial('docs/authoring-plugins.md shows the registry config and every command this test ran', (t) => {
  const docs = readFileSync(join(repoRoot, 'docs', 'authoring-plugins.md'), 'utf8');
  t.true(docs.includes(`\`\`\`yaml\n${verdaccioConfig}\`\`\``), 'the verdaccio.yaml block is verdaccioConfig');
  // The docs use Verdaccio's usual port and a fixed folder where the test has a random port and a temp folder.
  const asDocumented = (command: string): string =>
    registry === undefined
      ? command
      : command
          .replaceAll(registry.url, 'http://127.0.0.1:4873/')
          .replaceAll(new URL(registry.url).host, '127.0.0.1:4873')
          .replaceAll(registry.configFile, '/tmp/ipmgan-registry/verdaccio.yaml');
  t.true(transcript.length > 0);
  t.deepEqual(
    transcript.map(asDocumented).filter((command) => !docs.includes(command)),
    [],
  );
});
