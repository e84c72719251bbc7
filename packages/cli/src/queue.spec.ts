import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunDirectory } from '@ipmgan/core/engine';
import { metricsWithoutClock } from '@ipmgan/core/testing';
import test from 'ava';
import { childrenOf } from './testing/childrenOf.js';
import { makeTempDir } from './testing/makeTempDir.js';
import { pidExists } from './testing/pidExists.js';
import { repoRoot, runIpmgan } from './testing/runIpmgan.js';
import { spawnIpmgan } from './testing/spawnIpmgan.js';
import { redisServerPath, startRedis } from './testing/startRedis.js';

/**
 * Distributed compares on a real redis-server (Debian's, started per test on a free loopback
 * port, with its append-only file on) and real `ipmgan worker` processes: a worker killed with
 * SIGKILL mid-run has its job resumed by another from the checkpoint, and the metrics and the
 * report equal a local compare's; the same compare queued twice trains nothing twice; --attach
 * follows it again; Redis killed and restarted mid-sweep loses nothing; SIGTERM on a worker
 * checkpoints and returns its job; a failing run is reported with its error while the others go on.
 */
const server = redisServerPath();
const required = process.env.CI === 'true' || process.env.IPMGAN_REQUIRE_REDIS === '1';
const dir = makeTempDir('queue');
test.after.always(() => {
  rmSync(dir, { recursive: true, force: true });
});
const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

const ITERATIONS = 300;
// The cpu backend, 8-unit MLPs: a few seconds per run; a checkpoint every 10 iterations.
const CONFIG =
  'name: tiny\nseed: 1\nbackend: cpu\ndata: { name: ring8 }\n' +
  'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
  'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
  `training: { iterations: ${String(ITERATIONS)}, batchSize: 32 }\n` +
  'run: { dir: runs, logEvery: 10, checkpointEvery: 10, evaluateEvery: 100 }\n' +
  'evaluation: { samples: 64, projections: 4 }\n' +
  'compare: { objectives: [wgan, gan], seeds: [1, 2] }\n';
const RUNS = ['wgan-seed1', 'wgan-seed2', 'gan-seed1', 'gan-seed2'];

/** A project folder (under the repo, so the workspace plugins are found) holding c.yaml. */
function project(name: string, config = CONFIG): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'c.yaml'), config);
  return folder;
}

/** The one compare directory a project's compare wrote. */
function compareDirOf(folder: string): string {
  const runs = join(folder, 'runs');
  const names = readdirSync(runs);
  if (names.length !== 1) throw new Error(`expected one compare directory in ${runs}, got ${names.join(', ')}`);
  return join(runs, names[0] ?? '');
}

/** Every run's metrics.jsonl without its clock, by run name. */
function metricsOf(compareDir: string): Record<string, string[]> {
  return Object.fromEntries(RUNS.map((run) => [run, metricsWithoutClock(new RunDirectory(join(compareDir, run)))]));
}

/** report.md without its clock: the metrics table's ms/iter column. */
function reportOf(compareDir: string): string {
  let clock = -1;
  return readFileSync(join(compareDir, 'report.md'), 'utf8')
    .split('\n')
    .map((line) => {
      if (!line.startsWith('|')) {
        clock = -1;
        return line;
      }
      const cells = line.split(' | ');
      if (clock < 0) clock = cells.indexOf('ms/iter');
      else if (clock < cells.length && !line.startsWith('| ---')) cells[clock] = '<ms/iter>';
      return cells.join(' | ');
    })
    .join('\n');
}

interface Worker {
  readonly child: ChildProcess;
  readonly log: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(url: string, cwd: string, stallSeconds = 2): Worker {
  const child = spawn(
    process.execPath,
    [bin, 'worker', '--queue', url, '--concurrency', '1', '--stall-seconds', String(stallSeconds)],
    { cwd, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  return { child, log: () => log, exited };
}

/** `ipmgan compare ...` whose output can be read while it runs, and which can be sent a signal. */
function follow(
  args: readonly string[],
  cwd: string,
): {
  child: ChildProcess;
  stderr: () => string;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
  return { child, stderr: () => stderr, done };
}

async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
}

async function waitFor(what: string, check: () => boolean, seconds = 120): Promise<void> {
  const until = performance.now() + seconds * 1000;
  while (!check()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Generator iterations a run has logged so far (its metrics.jsonl lines, one per 10). */
function logged(compareDir: string, run: string): number {
  const file = join(compareDir, run, 'metrics.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length * 10 : 0;
}

/** The local compare every distributed one is checked against, trained once. */
let local: { metrics: Record<string, string[]>; report: string } | undefined;
function localCompare(): { metrics: Record<string, string[]>; report: string } {
  if (local) return local;
  const folder = project('local');
  const result = runIpmgan(['compare', '-c', 'c.yaml', '--workers', '2'], folder);
  if (result.code !== 0) throw new Error(result.stderr);
  const compareDir = compareDirOf(folder);
  local = { metrics: metricsOf(compareDir), report: reportOf(compareDir) };
  return local;
}

const queueTest = server ? test.serial : test.serial.skip;
if (!server && required)
  test('redis-server is installed (CI runs the queue tests; apt install redis-server)', (t) => {
    t.fail(`redis-server is not on PATH (${process.env.PATH ?? ''})`);
  });
else if (!server)
  test.skip('the queue tests need Debian redis-server on PATH (apt install redis-server); it is absent here', () => {
    // Skipped: the title says why.
  });

queueTest(
  'a worker killed with SIGKILL mid-run: another resumes its run from the checkpoint, and the metrics and report equal a local compare; Ctrl-C on the follower leaves the queue, --attach follows it again; queued again trains nothing',
  async (t) => {
    const reference = localCompare();
    const redis = await startRedis(server ?? '');
    const folder = project('kill');
    const workers = [startWorker(redis.url, folder), startWorker(redis.url, folder)];
    try {
      const first = follow(['compare', '-c', 'c.yaml', '--queue', redis.url], folder);
      // Worker 0's first run, once it is well past its first checkpoints.
      await waitFor('worker 0 to start a run', () => /^(\S+): started/m.test(workers[0]?.log() ?? ''));
      const killedRun = /^(\S+): started/m.exec(workers[0]?.log() ?? '')?.[1] ?? '';
      await waitFor(`${killedRun} to pass iteration 60`, () => logged(compareDirOf(folder), killedRun) >= 60);
      const orphans = childrenOf(workers[0]?.child.pid ?? 0);
      t.is(orphans.length, 1, 'worker 0 trains its run in one child');
      workers[0]?.child.kill('SIGKILL');
      // Ctrl-C on the follower stops following only, and says how to follow again.
      await waitFor('a run to end', () => / finished 300 iterations /.test(first.stderr()));
      first.child.kill('SIGINT');
      const stopped = await first.done;
      t.is(stopped.code, 130, stopped.stderr);
      t.regex(
        stopped.stderr,
        /\nipmgan: interrupted; the queued compare goes on in its workers; stopped following it\nipmgan: [1-3] of 4 runs ended so far; follow it again with ipmgan compare --attach (\S+) --queue redis:\/\/127\.0\.0\.1:\d+\n$/,
      );
      const attachTo = /--attach (\S+) --queue/.exec(stopped.stderr)?.[1] ?? '';
      t.is(attachTo, compareDirOf(folder));
      // --attach follows the running compare to its end.
      const { code, stdout, stderr } = await spawnIpmgan(
        ['compare', '--attach', attachTo, '--queue', redis.url],
        folder,
      );
      t.is(code, 0, stderr);
      // The killed worker's child stopped too (the worker's disconnect), rather than train on as an orphan.
      t.deepEqual(
        orphans.filter((pid) => pidExists(pid)),
        [],
      );
      const compareDir = compareDirOf(folder);
      // The survivor took the killed run over from a checkpoint past 0, not from the start.
      const resumed = new RegExp(
        `^${killedRun}: started from the checkpoint at iteration (\\d+) \\(attempt 2;`,
        'm',
      ).exec(workers[1]?.log() ?? '');
      t.truthy(resumed, workers[1]?.log());
      t.true(Number(resumed?.[1]) >= 60 && Number(resumed?.[1]) < ITERATIONS, resumed?.[1]);
      for (const run of RUNS) t.regex(stdout, new RegExp(`^${run} +finished +300/300 `, 'm'));
      t.deepEqual(metricsOf(compareDir), reference.metrics);
      t.is(reportOf(compareDir), reference.report);
      const status = JSON.parse(readFileSync(join(compareDir, 'compare.json'), 'utf8')) as {
        runs: { status: { state: string; iteration: number } }[];
      };
      t.deepEqual(
        status.runs.map((r) => [r.status.state, r.status.iteration]),
        RUNS.map(() => ['finished', ITERATIONS]),
      );

      // The same compare queued again is the compare already queued: nothing is trained again.
      const starts = (): number => workers.reduce((n, w) => n + (w.log().match(/: started /g)?.length ?? 0), 0);
      const before = starts();
      t.is(before, RUNS.length + 1);
      const again = await spawnIpmgan(['compare', '-c', 'c.yaml', '--queue', redis.url], folder);
      t.is(again.code, 0, again.stderr);
      t.regex(again.stderr, new RegExp(`this compare is already queued \\(c[0-9a-f]{16}\\) in ${compareDir}`));
      t.regex(again.stdout, /^report: .*report\.html$/m);
      t.is(readdirSync(join(folder, 'runs')).length, 1);
      // --attach to the finished compare prints the same end again.
      const attached = await spawnIpmgan(['compare', '--attach', compareDir, '--queue', redis.url], folder);
      t.is(attached.code, 0, attached.stderr);
      t.is(attached.stdout, again.stdout);
      t.is(attached.stdout, stdout);
      await sleep(500);
      t.is(starts(), before);
      // A queued compare is not resumed locally, beside its workers.
      const resume = await spawnIpmgan(['compare', '--resume', compareDir], folder);
      t.is(resume.code, 2);
      t.regex(
        resume.stderr,
        /^ipmgan: --resume: \S+ is a queued compare, trained by ipmgan worker; follow it with ipmgan compare --attach \S+ --queue URL\n$/,
      );
    } finally {
      await stopWorkers(workers);
      await redis.stop();
    }
  },
);

queueTest(
  'Redis killed and restarted mid-sweep (append-only file on): the sweep completes; SIGTERM on a worker checkpoints its run and returns the job, which another worker resumes',
  async (t) => {
    const reference = localCompare();
    const redis = await startRedis(server ?? '');
    const folder = project('restart');
    const workers = [startWorker(redis.url, folder, 5), startWorker(redis.url, folder, 5)];
    try {
      const compare = spawnIpmgan(['compare', '-c', 'c.yaml', '--queue', redis.url], folder);
      await waitFor('a run to pass iteration 40', () => {
        const compareDir = existsSync(join(folder, 'runs')) ? compareDirOf(folder) : '';
        return compareDir !== '' && RUNS.some((run) => logged(compareDir, run) >= 40);
      });
      await redis.kill();
      await sleep(1500);
      await redis.restart();
      // Then worker 0 is told to stop in the middle of its current run.
      const current = (): string | undefined =>
        [...(workers[0]?.log() ?? '').matchAll(/^(\S+): started/gm)].at(-1)?.[1];
      // Worker 0's current run is read again at every poll: the run it had when Redis came back may
      // already be near its end, and the next one it starts is the one to stop then.
      const compareDir = compareDirOf(folder);
      let stoppedRun = '';
      await waitFor('worker 0 to be in the middle of a run', () => {
        stoppedRun = current() ?? '';
        const n = stoppedRun === '' ? 0 : logged(compareDir, stoppedRun);
        return n > 0 && n < ITERATIONS - 20;
      });
      workers[0]?.child.kill('SIGTERM');
      const exit = await workers[0]?.exited;
      t.deepEqual(exit, { code: 0, signal: null }, workers[0]?.log());
      const back = new RegExp(
        `^${stoppedRun}: stopped at iteration (\\d+) with a checkpoint; back on the queue$`,
        'm',
      ).exec(workers[0]?.log() ?? '');
      t.truthy(back, workers[0]?.log());
      workers.push(startWorker(redis.url, folder, 5));
      const { code, stdout, stderr } = await compare;
      t.is(code, 0, stderr);
      for (const run of RUNS) t.regex(stdout, new RegExp(`^${run} +finished +300/300 `, 'm'));
      // Whichever worker took the job back continued from the checkpoint the stopped one wrote.
      t.true(
        workers
          .slice(1)
          .some((w) =>
            w.log().includes(`${stoppedRun}: started from the checkpoint at iteration ${back?.[1] ?? '?'} `),
          ),
        workers.map((w) => w.log()).join('\n'),
      );
      t.deepEqual(metricsOf(compareDir), reference.metrics);
      t.is(reportOf(compareDir), reference.report);
    } finally {
      await stopWorkers(workers);
      await redis.stop();
    }
  },
);

queueTest(
  'a run that fails or diverges is reported with its error while the others finish; a queue without the compare is one line',
  async (t) => {
    const redis = await startRedis(server ?? '');
    // A bandwidth whose square underflows float32 makes the kernel 0/0 = NaN on the first step.
    const folder = project(
      'fail',
      CONFIG.replace('iterations: 300', 'iterations: 20').replace(
        'objectives: [wgan, gan]',
        'objectives: [wgan, { name: mmd, options: { bandwidths: [1e-30] } }]',
      ),
    );
    const workers: Worker[] = [];
    try {
      const compare = spawnIpmgan(['compare', '-c', 'c.yaml', '--queue', redis.url], folder);
      // Before any worker starts, wgan-seed2's checkpoint record is damaged: its run must fail, in one line.
      await waitFor('the compare to be queued', () => existsSync(join(folder, 'runs')));
      const compareDir = compareDirOf(folder);
      await waitFor('the plan', () => existsSync(join(compareDir, 'compare.json')));
      await sleep(300);
      const damaged = join(compareDir, 'wgan-seed2', 'checkpoints');
      rmSync(damaged, { recursive: true, force: true });
      mkdirSync(damaged, { recursive: true });
      writeFileSync(join(damaged, 'latest.json'), '{ not json');
      workers.push(startWorker(redis.url, folder));
      const { code, stdout, stderr } = await compare;
      t.is(code, 1, stderr);
      t.regex(stdout, /^wgan-seed1 +finished +20\/20 /m);
      t.regex(stdout, /^wgan-seed2 +failed +0\/20 +\d+\.\d +\/\S+\.\.\.$/m);
      t.regex(stdout, /^mmd-seed1 +diverged +0\/20 +\d+\.\d +the generator loss is NaN at iteration 1$/m);
      t.regex(stdout, /^mmd-seed2 +diverged +0\/20 +\d+\.\d +the generator loss is NaN at iteration 1$/m);
      t.regex(
        stderr,
        /\nipmgan: 3 of 4 runs failed: wgan-seed2 \(.*latest\.json.*\); mmd-seed1 \(the generator loss is NaN at iteration 1\); mmd-seed2 \(the generator loss is NaN at iteration 1\); their errors are in the report; a failed run does not stop the others\n$/,
      );
      const report = readFileSync(join(compareDir, 'report.md'), 'utf8');
      t.regex(report, /\| mmd \| 1 \| diverged \| 0 \| the generator loss is NaN at iteration 1 \|/);
      t.regex(report, /\| wgan \| 2 \| failed \| 0 \| .*latest\.json/);
      // Followed on a Redis that never held it (or lost it without its append-only file): one line, exit 1.
      const other = await startRedis(server ?? '');
      try {
        const lost = await spawnIpmgan(['compare', '--attach', compareDir, '--queue', other.url], folder);
        t.regex(
          lost.stderr,
          /^ipmgan: --attach: the queue at redis:\/\/127\.0\.0\.1:\d+ has no compare c[0-9a-f]{16} \(queued on another Redis, or its jobs were removed\)\n$/,
        );
        t.is(lost.code, 1);
      } finally {
        await other.stop();
      }
    } finally {
      await stopWorkers(workers);
      await redis.stop();
    }
  },
);

test.serial('bad --queue and --attach input: one line, exit 2, nothing written; no Redis there: exit 1', async (t) => {
  const folder = project('bad');
  const cases: [string[], RegExp][] = [
    [
      ['compare', '-c', 'c.yaml', '--queue', 'http://localhost:6379'],
      /^ipmgan: --queue: expected redis:\/\/HOST:PORT\[\/DB\], got "http:\/\/localhost:6379"\n$/,
    ],
    [
      ['compare', '--attach', 'runs'],
      /^ipmgan: --attach: follows a queued compare; give its queue with --queue redis:\/\/HOST:PORT\n$/,
    ],
    [
      ['worker', '--queue', 'redis://127.0.0.1:6379/x'],
      /^ipmgan: --queue: expected redis:\/\/HOST:PORT\[\/DB\], got "redis:\/\/127\.0\.0\.1:6379\/x"\n$/,
    ],
    [
      ['worker', '--queue', 'redis://127.0.0.1:1', '--concurrency', '0'],
      /^ipmgan: option '--concurrency <n>' argument '0' is invalid\. --concurrency: expected a positive integer, got "0"/,
    ],
  ];
  for (const [args, expected] of cases) {
    const { code, stdout, stderr } = await spawnIpmgan(args, folder);
    t.regex(stderr, expected, args.join(' '));
    t.is(stdout, '');
    t.is(code, 2, args.join(' '));
  }
  // No Redis there: a failure to reach it (exit 1), before anything is planned or written.
  const unreachable = await spawnIpmgan(['compare', '-c', 'c.yaml', '--queue', 'redis://127.0.0.1:1'], folder);
  t.regex(unreachable.stderr, /^ipmgan: --queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)\n$/);
  t.is(unreachable.code, 1);
  t.false(existsSync(join(folder, 'runs')));
});
