import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { metricsWithoutClock } from '@ipmgan/core/testing';
import { RunDirectory } from '@ipmgan/core/engine';
import test from 'ava';
import { withSpecDir } from './testing/withSpecDir.js';
import { repoRoot, runIpmgan } from './testing/runIpmgan.js';

/**
 * Drills of the run store with real processes: two resumes of one run at once (the lock), a
 * writer that died holding the lock, a torn last metrics line, a comparison whose run died
 * before its first checkpoint beside a user's file, and a disk that fills up during a
 * checkpoint (a real 256 KiB tmpfs). Each ends in a run identical to one never interrupted.
 */
const root = withSpecDir('run-store-drills');
const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');
const ITERATIONS = 150;

const config = join(root, 'drill.yaml');
writeFileSync(
  config,
  'seed: 4\nobjective: { name: gan }\ndata: { name: ring8 }\n' +
    'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
    'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
    `training: { iterations: ${String(ITERATIONS)}, batchSize: 32 }\n` +
    'run: { logEvery: 1, checkpointEvery: 1, sampleEvery: 50 }\n' +
    'evaluation: { samples: 16, projections: 4 }\n',
);

/** Trains the drill config into `<root>/<name>` (more --set allowed) and returns the run directory. */
function train(name: string, ...args: string[]): string {
  const out = join(root, name);
  const result = runIpmgan(['train', '-c', config, '--set', `run.dir=${out}`, ...args], root);
  if (result.code !== 0) throw new Error(result.stderr);
  return join(out, readdirSync(out)[0] ?? '');
}
const metrics = (run: string): string[] => metricsWithoutClock(new RunDirectory(run));
const iterations = (run: string): number[] => new RunDirectory(run).readMetrics().map((m) => m.iteration);
const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
/** The ipmgan: lines of a command's stderr (progress lines aside). */
const said = (stderr: string): string[] =>
  stderr
    .split(/[\r\n]/)
    .filter((l) => l.startsWith('ipmgan: '))
    .map((l) => l.trim());

const reference = train('reference');

test('the uninterrupted reference has one metrics line per iteration', (t) => {
  t.deepEqual(iterations(reference), upTo(ITERATIONS));
});

test.serial(
  'two train --resume of one run at once: one trains, the other is refused in one line naming the writer; metrics.jsonl has one line per iteration and equals the uninterrupted run',
  async (t) => {
    const run = train('lock', '--iterations', '2');
    const resume = (): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [bin, 'train', '--resume', run, '--iterations', String(ITERATIONS)], {
          cwd: root,
          env: { ...process.env, FORCE_COLOR: '0' },
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => {
          resolve({ code, stderr });
        });
      });
    const results = await Promise.all([resume(), resume()]);
    const refused = results.filter((r) => r.code === 2);
    t.deepEqual(results.map((r) => r.code).sort(), [0, 2], results.map((r) => r.stderr).join('\n'));
    const line = refused[0]?.stderr ?? '';
    t.log(line.trim());
    t.is(line.split('\n').length, 2, line);
    t.regex(
      line,
      new RegExp(
        `^ipmgan: --resume: (${run} is being written by process \\d+ on ${hostname()}|\\S+latest\\.json changed while the run was being opened|--set: training\\.iterations ${String(ITERATIONS)} is not past)`,
      ),
    );
    t.deepEqual(iterations(run), upTo(ITERATIONS));
    t.deepEqual(metrics(run), metrics(reference));
    // One amendment: the resume that trained; the refused one wrote nothing.
    t.deepEqual(
      new RunDirectory(run).readAmendments().map((a) => a.fromIteration),
      [3],
    );
    t.false(existsSync(join(run, '.ipmgan.lock')), 'the lock is released');
  },
);

test.serial(
  "a writer that died holding the lock: resume takes it over, removes exactly that writer's temporaries, keeps a user's file, and ends identical",
  (t) => {
    const run = train('stale', '--iterations', '40');
    // PID 2^22 + 1 is above Linux's pid_max: the writer is certainly gone.
    const dead = '4194305';
    const token = '5ca1ab1e';
    writeFileSync(
      join(run, '.ipmgan.lock'),
      JSON.stringify({ pid: Number(dead), host: hostname(), token, since: '2026-12-06T17:00:00.000Z' }),
    );
    const temporaries = [
      join(run, 'checkpoints', `iter-0000041.tmp-${dead}-${token}`),
      join(run, 'checkpoints', `latest.json.tmp-${dead}-${token}`),
      join(run, 'samples', `iter-0000050.csv.tmp-${dead}-${token}`),
    ];
    mkdirSync(temporaries[0] ?? '');
    writeFileSync(join(temporaries[0] ?? '', 'tensors.bin'), 'torn');
    for (const file of temporaries.slice(1)) writeFileSync(file, 'torn');
    const mine = [join(run, 'checkpoints', `notes.tmp-${dead}`), join(run, 'samples', `plot.tmp-${dead}-beef`)];
    for (const file of mine) writeFileSync(file, 'a file of the user\n');
    const resumed = runIpmgan(['train', '--resume', run, '--iterations', String(ITERATIONS)], root);
    t.is(resumed.code, 0, resumed.stderr);
    for (const file of temporaries) t.false(existsSync(file), file);
    for (const file of mine) t.is(readFileSync(file, 'utf8'), 'a file of the user\n');
    t.deepEqual(metrics(run), metrics(reference));
    t.false(existsSync(join(run, '.ipmgan.lock')));
  },
);

test.serial('a torn last metrics line is cut on resume, not kept or duplicated: one line per iteration', (t) => {
  const run = train('torn', '--iterations', '40');
  const path = join(run, 'metrics.jsonl');
  // A writer killed mid-append of iteration 41's line.
  writeFileSync(path, `${readFileSync(path, 'utf8')}{"iteration":41,"criticLoss":1.3`);
  const resumed = runIpmgan(['train', '--resume', run, '--iterations', String(ITERATIONS)], root);
  t.is(resumed.code, 0, resumed.stderr);
  t.deepEqual(iterations(run), upTo(ITERATIONS));
  t.deepEqual(metrics(run), metrics(reference));
});

test.serial(
  'compare --resume of a run that died before its first checkpoint: it starts again from 0, and a user file in its samples/ stays',
  (t) => {
    const parent = join(root, 'compare-fresh');
    const planned = runIpmgan(
      [
        'compare',
        '-c',
        config,
        '--set',
        'compare={"objectives":["gan"]}',
        '--set',
        `run.dir=${parent}`,
        '--iterations',
        '3',
      ],
      root,
    );
    t.is(planned.code, 0, planned.stderr);
    const dir = join(parent, readdirSync(parent)[0] ?? '');
    const [name] = readdirSync(dir).filter((n) => n.startsWith('gan-'));
    const run = join(dir, name ?? '');
    // As a worker killed after logging iteration 1, before its first checkpoint, leaves it.
    rmSync(join(run, 'checkpoints'), { recursive: true });
    const lines = readFileSync(join(run, 'metrics.jsonl'), 'utf8').split('\n').slice(0, 1);
    writeFileSync(join(run, 'metrics.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(run, 'samples', 'mine.txt'), 'a file of the user\n');
    const record = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as { runs: Record<string, unknown>[] };
    writeFileSync(
      join(dir, 'compare.json'),
      JSON.stringify({ ...record, runs: record.runs.map(({ status: _status, ...r }) => r) }),
    );
    const resumed = runIpmgan(['compare', '--resume', dir], root);
    t.is(resumed.code, 0, resumed.stderr);
    t.is(readFileSync(join(run, 'samples', 'mine.txt'), 'utf8'), 'a file of the user\n');
    t.deepEqual(iterations(run), upTo(3));
  },
);

test.serial(
  'the disk fills up while training (a 256 KiB tmpfs; at a checkpoint here): exit 1, one line naming the file, no temporary or torn line left, latest.json names the previous checkpoint, and the run resumes identical',
  (t) => {
    const mount = join(root, 'tmpfs');
    const copy = join(root, 'tmpfs-copy');
    mkdirSync(mount);
    mkdirSync(copy);
    // A private mount namespace (unshare -rm: root inside it, no privilege needed outside):
    // the run fills the tmpfs, and what it left is copied out before the namespace goes.
    const script =
      'mount -t tmpfs -o size=256k tmpfs "$1" && "$2" "$3" train -c "$4" --set run.dir="$1"; code=$?; cp -a "$1"/. "$5"/; exit $code';
    const full = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', mount, process.execPath, bin, config, copy], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    t.is(full.status, 1, full.stderr);
    const run = join(copy, readdirSync(copy)[0] ?? '');
    const error = said(full.stderr).at(-1) ?? '';
    t.log(error);
    // The write that finds the disk full is a checkpoint's file (most pages go there) or,
    // should metrics.jsonl need its next page first, that iteration's metrics line.
    const inRun = join(mount, readdirSync(copy)[0] ?? '');
    const match =
      /^ipmgan: (\S+): cannot be written \(ENOSPC: the disk is full\); (the checkpoint of iteration (\d+) was not saved; latest\.json still names (\S+)|the line of iteration (\d+) was not logged)$/.exec(
        error,
      );
    t.truthy(match, error);
    t.true(match?.[1]?.startsWith(`${inRun}/`), error);
    t.is(said(full.stderr).length, 2, full.stderr);
    const left: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        if (name.name.includes('.tmp-') || name.name === '.ipmgan.lock') left.push(name.name);
        if (name.isDirectory()) walk(join(dir, name.name));
      }
    };
    walk(run);
    t.deepEqual(left, [], 'no temporary and no lock left');
    const directory = new RunDirectory(run);
    const latest = directory.latestCheckpoint();
    t.truthy(latest);
    if (match?.[3] !== undefined) {
      t.is(match[1], join(inRun, 'checkpoints', `iter-${match[3].padStart(7, '0')}`, basename(match[1] ?? '')));
      t.is(match[4], join(inRun, 'checkpoints', `iter-${String(Number(match[3]) - 1).padStart(7, '0')}`));
      t.is(latest?.iteration, Number(match[3]) - 1);
    } else {
      t.is(match?.[1], join(inRun, 'metrics.jsonl'));
      t.is(latest?.iteration, Number(match?.[5]) - 1);
    }
    // Every line complete, consecutive from 1, at most one past the last checkpoint.
    const logged = iterations(run);
    t.deepEqual(logged, upTo(logged.length));
    t.true(readFileSync(directory.metricsPath, 'utf8').endsWith('\n'));
    t.true(
      logged.length - (latest?.iteration ?? 0) <= 1,
      `${String(logged.length)} lines, checkpoint ${String(latest?.iteration)}`,
    );
    const resumed = runIpmgan(['train', '--resume', run], root);
    t.is(resumed.code, 0, resumed.stderr);
    t.deepEqual(metrics(run), metrics(reference));
  },
);
