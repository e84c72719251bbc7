import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function ipmgan(args: string[], cwd = repo) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A config in a temporary folder inside the repo (runs/ is git-ignored), so the workspace's plugins are found. */
const made: string[] = [];
test.after.always(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function configFile(text: string): string {
  mkdirSync(join(repo, 'runs'), { recursive: true });
  const dir = mkdtempSync(join(repo, 'runs', 'cli-spec-'));
  made.push(dir);
  const file = join(dir, 'ipmgan.config.yaml');
  writeFileSync(file, text);
  return file;
}

test('--version and -V print the package version alone (answered before any command is loaded)', (t) => {
  const { version } = JSON.parse(readFileSync(join(repo, 'packages', 'cli', 'package.json'), 'utf8')) as {
    version: string;
  };
  for (const flag of ['--version', '-V']) t.deepEqual(ipmgan([flag]), { code: 0, stdout: `${version}\n`, stderr: '' });
});

const bad: [string, string[], string][] = [
  [
    'a bad constraint option',
    ['train', '--set', 'objective.name=wgan', '--set', 'critic.constraints=[{"name":"clip","options":{"clip":-1}}]'],
    'ipmgan: critic.constraints.0.options.clip: expected a positive number, got -1\n',
  ],
  [
    'a bad --set',
    ['train', '--set', 'noequals'],
    'ipmgan: --set: expected key=value (e.g. training.iterations=500), got "noequals"\n',
  ],
  [
    'a missing config file',
    ['train', '-c', 'absent.yaml'],
    `ipmgan: --config: file not found: ${join(repo, 'absent.yaml')}\n`,
  ],
  [
    'a resume of a non-run',
    ['train', '--resume', 'packages'],
    `ipmgan: --resume: not a run directory (no config.resolved.json in ${join(repo, 'packages')})\n`,
  ],
];
for (const [what, args, message] of bad) {
  test(`${what}: one line on stderr, no stack trace, exit code 2`, (t) => {
    const { code, stdout, stderr } = ipmgan(args);
    t.is(stderr, message);
    t.is(stdout, '');
    t.is(code, 2);
  });
}

test('an unknown objective lists the installed ones, in one line, exit code 2', (t) => {
  const { code, stdout, stderr } = ipmgan(['train', '--set', 'objective.name=nope']);
  t.regex(
    stderr,
    /^ipmgan: objective\.name: unknown objective "nope"; installed: [^\n]*wgan \(@ipmgan\/critic-wgan\)[^\n]*\n$/,
  );
  t.is(stdout, '');
  t.is(code, 2);
});

test('an unknown flag and a bad --iterations are usage errors (exit 2)', (t) => {
  const unknown = ipmgan(['train', '--bogus']);
  t.is(unknown.code, 2);
  t.is(unknown.stderr, "ipmgan: unknown option '--bogus' (run ipmgan --help for usage)\n");
  const iterations = ipmgan(['train', '--iterations', '0']);
  t.is(iterations.code, 2);
  t.regex(iterations.stderr, /--iterations: expected a positive integer, got "0"/);
});

test('a malformed data file is a one-line error naming the file and line, exit 2, no run written', (t) => {
  const file = configFile(
    'objective: { name: wgan }\ndata: { name: csv, options: { path: points.csv } }\nrun: { dir: runs }\n',
  );
  writeFileSync(join(dirname(file), 'points.csv'), '1,2\n3,oops\n');
  const { code, stderr } = ipmgan(['train', '-c', file]);
  t.is(stderr, 'ipmgan: data.options.path: points.csv line 2: expected 2 numbers, got "3,oops"\n');
  t.is(code, 2);
  t.false(existsSync(join(dirname(file), 'runs')), 'no run directory is left behind');
});

test('train writes a run directory and says where it is', (t) => {
  const file = configFile(
    'seed: 2\nobjective: { name: wgan }\ndata: { name: ring8 }\n' +
      'generator: { network: { name: mlp, options: { hidden: [16] } } }\n' +
      'critic: { network: { name: mlp, options: { hidden: [16] } } }\n' +
      'training: { iterations: 6 }\nrun: { dir: runs, logEvery: 3 }\n',
  );
  const { code, stdout } = ipmgan(['train', '-c', file, '--iterations', '4']);
  t.is(code, 0);
  const runs = join(dirname(file), 'runs');
  const [name] = readdirSync(runs);
  t.is(
    stdout.split('\n')[0]?.startsWith(`ipmgan: finished at iteration 4; results in ${join(runs, name ?? '')}`),
    true,
  );
  const metrics = readFileSync(join(runs, name ?? '', 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n');
  t.deepEqual(
    metrics.map((l) => (JSON.parse(l) as { iteration: number }).iteration),
    [3, 4],
  );
  t.true(existsSync(join(runs, name ?? '', 'checkpoints', 'latest.json')));
});

test('every official objective trains on the ring from one config that differs only in objective.name', (t) => {
  const file = configFile(
    'seed: 4\nobjective: { name: wgan }\ndata: { name: ring8 }\n' +
      'generator: { network: { name: mlp, options: { hidden: [16] } } }\n' +
      'critic: { network: { name: mlp, options: { hidden: [16] } } }\n' +
      'training: { iterations: 3 }\nrun: { dir: runs, logEvery: 3 }\n',
  );
  const expected: Record<string, string> = {
    wgan: 'W1*K',
    gan: 'JS lower bound',
    ebgan: 'TV',
    mmd: 'MMD^2',
    'wgan-gp': 'IPM(GP)',
    'sn-gan': 'IPM(SN)',
    'fisher-gan': 'IPM',
    'sobolev-gan': 'Sobolev IPM',
    'mmd-gan': 'MMD^2(h)',
    'cramer-gan': 'ED(h)',
  };
  for (const [objective, estimateName] of Object.entries(expected)) {
    const { code, stdout } = ipmgan(['train', '-c', file, '--set', `objective.name=${objective}`]);
    t.is(code, 0, objective);
    const runDir = /results in (\S+)/.exec(stdout)?.[1] ?? '';
    const [line] = readFileSync(join(runDir, 'metrics.jsonl'), 'utf8').trim().split('\n');
    const record = JSON.parse(line ?? '{}') as { iteration: number; estimateName: string; estimate: number };
    t.is(record.iteration, 3, objective);
    t.is(record.estimateName, estimateName);
    t.true(Number.isFinite(record.estimate), objective);
  }
});
