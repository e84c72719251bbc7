import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { makeTempDir } from './testing/makeTempDir.js';
import { runIpmgan } from './testing/runIpmgan.js';

const made: string[] = [];
test.after.always(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const shared =
  'name: tiny\nseed: 1\ndata: { name: ring8 }\n' +
  'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
  'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
  'training: { iterations: 6 }\nrun: { dir: runs, logEvery: 2 }\n';

function project(config: string): { dir: string; file: string } {
  const dir = makeTempDir('cli-compare');
  made.push(dir);
  const file = join(dir, 'compare.yaml');
  writeFileSync(file, config);
  return { dir, file };
}

/** metrics.jsonl of every run of the one compare in `dir`, without the wall-clock field. */
function metricsByRun(dir: string): Record<string, unknown[]> {
  const [compareDir] = readdirSync(join(dir, 'runs'));
  const root = join(dir, 'runs', compareDir ?? '');
  const out: Record<string, unknown[]> = {};
  for (const run of readdirSync(root).filter((n) => existsSync(join(root, n, 'config.resolved.json')))) {
    out[run] = readFileSync(join(root, run, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const { elapsedSeconds: _wallClock, ...record } = JSON.parse(line) as Record<string, unknown>;
        return record;
      });
  }
  return out;
}

test('compare trains each objective x seed into its own run directory, identically with 1 or 2 workers', (t) => {
  const config = `${shared}compare:\n  objectives: [wgan, { name: mmd, options: { bandwidths: [0.5, 1] } }]\n  seeds: [5, 6]\n`;
  const one = project(config);
  const two = project(config);
  const a = runIpmgan(['compare', '-c', one.file, '--workers', '1'], one.dir);
  t.is(a.code, 0, a.stderr);
  const b = runIpmgan(['compare', '-c', two.file, '--workers', '2'], two.dir);
  t.is(b.code, 0, b.stderr);
  t.regex(
    a.stderr,
    /^ipmgan: comparing 4 runs \(wgan, mmd; seeds 5, 6\) with 1 worker in \S+tiny-compare-\d{8}T\d{6}Z\n/,
  );
  t.regex(a.stdout, /^run +status +iterations +seconds +error\n/);
  t.regex(a.stdout, /^wgan-seed5 +finished +6\/6 +\d+\.\d$/m);
  t.regex(a.stdout, /^mmd-seed6 +finished +6\/6 +\d+\.\d$/m);
  for (const line of a.stdout.split('\n')) t.true(line.length <= 100, `${String(line.length)} columns: ${line}`);

  const first = metricsByRun(one.dir);
  t.deepEqual(Object.keys(first).sort(), ['mmd-seed5', 'mmd-seed6', 'wgan-seed5', 'wgan-seed6']);
  for (const records of Object.values(first))
    t.deepEqual(
      records.map((r) => (r as { iteration: number }).iteration),
      [2, 4, 6],
    );
  t.deepEqual(metricsByRun(two.dir), first, 'same seeds: the same metrics whatever the number of workers');
  t.notDeepEqual(first['wgan-seed5'], first['wgan-seed6'], 'another seed: another run');

  const [compareDir] = readdirSync(join(one.dir, 'runs'));
  for (const run of Object.keys(first)) {
    const runDir = join(one.dir, 'runs', compareDir ?? '', run);
    t.true(existsSync(join(runDir, 'report.html')), `${run}: its own report.html`);
    t.regex(readFileSync(join(runDir, 'report.md'), 'utf8'), /^# tiny: (wgan|mmd) on ring8\n/, `${run}: report.md`);
  }
  const resolved = JSON.parse(
    readFileSync(join(one.dir, 'runs', compareDir ?? '', 'mmd-seed6', 'config.resolved.json'), 'utf8'),
  ) as {
    seed: number;
    objective: { name: string; options: { bandwidths: number[] } };
    training: { batchSize: number };
  };
  t.is(resolved.seed, 6);
  t.deepEqual(resolved.objective.options.bandwidths, [0.5, 1]);
  t.is(resolved.training.batchSize, 256, "the objective's own default batch size fills what the file leaves unset");
});

test('compare validates every entry before starting any run: one line naming the entry, exit 2', (t) => {
  const cases: [string, string][] = [
    [
      'compare:\n  objectives: [wgan, gan, nope]\n',
      '^ipmgan: compare\\.objectives\\.2: unknown objective "nope"; installed: [^\\n]*wgan \\(@ipmgan/critic-wgan\\)[^\\n]*\\n$',
    ],
    [
      'compare:\n  objectives: [wgan, { name: mmd, options: { bandwidths: [] } }]\n',
      '^ipmgan: compare\\.objectives\\.1\\.options\\.bandwidths: [^\\n]+\\n$',
    ],
    ['compare:\n  objectives: [wgan]\n  seeds: [1, 2, 1]\n', '^ipmgan: compare\\.seeds: seed 1 is listed twice\\n$'],
    [
      'compare:\n  objectives: [wgan]\n  sweep: { grid: { critic.constraints.0.options.clip: [0.1, -1] } }\n',
      '^ipmgan: compare\\.sweep\\.grid\\.critic\\.constraints\\.0\\.options\\.clip = -1: critic\\.constraints\\.0\\.options\\.clip: expected a positive number, got -1\\n$',
    ],
    [
      'compare:\n  objectives: [wgan]\n  sweep: { list: [{ training.schedul.nCritic: 5 }] }\n',
      '^ipmgan: compare\\.sweep\\.list\\.0\\.training\\.schedul\\.nCritic = 5: training\\.schedul: unknown field [^\\n]+\\n$',
    ],
    [
      '',
      '^ipmgan: compare: missing; add e\\.g\\. compare: \\{ objectives: \\[wgan, gan\\] \\} \\(ipmgan train runs one\\)\\n$',
    ],
  ];
  for (const [block, expected] of cases) {
    const { dir, file } = project(shared + block);
    const { code, stdout, stderr } = runIpmgan(['compare', '-c', file], dir);
    t.regex(stderr, new RegExp(expected), block);
    t.is(stdout, '');
    t.is(code, 2);
    t.false(existsSync(join(dir, 'runs')), 'no run started');
  }
  const workers = runIpmgan(['compare', '--workers', '0']);
  t.regex(workers.stderr, /--workers: expected a positive integer, got "0"/);
  t.is(workers.code, 2);
});

test('a diverging run is reported, the others finish, and compare exits 1', (t) => {
  // A bandwidth whose square underflows float32 makes the kernel 0/0 = NaN on the first step.
  const { dir, file } = project(
    `${shared}compare:\n  objectives: [wgan, { name: mmd, options: { bandwidths: [1e-30] } }]\n`,
  );
  const { code, stdout, stderr } = runIpmgan(['compare', '-c', file, '--workers', '2', '--iterations', '4'], dir);
  t.is(code, 1);
  t.regex(stdout, /^wgan-seed1 +finished +4\/4 /m);
  t.regex(stdout, /^mmd-seed1 +diverged +0\/4 +\d+\.\d +the generator loss is NaN at iteration 1$/m);
  t.regex(
    stderr,
    /\nipmgan: 1 of 2 runs failed: mmd-seed1 \(the generator loss is NaN at iteration 1\); retry the failed with ipmgan compare --resume \S+\n$/,
  );
});
