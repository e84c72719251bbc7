import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import test from 'ava';
import { childrenOf } from './testing/childrenOf.js';
import { makeTempDir } from './testing/makeTempDir.js';
import { pidExists } from './testing/pidExists.js';
import { repoRoot, runIpmgan } from './testing/runIpmgan.js';
import { snapshotFiles } from './testing/snapshotFiles.js';

/**
 * Comparisons that survive their workers: a worker killed with SIGKILL is reported as failed
 * (table, compare.json, report), `compare --resume DIR` continues every unfinished run from its
 * checkpoint and starts those never started, and the resumed runs are identical to runs that
 * were never interrupted. A finished comparison resumed trains nothing and rebuilds the same report.
 */
const dir = makeTempDir('compare-resume');
test.after.always(() => {
  rmSync(dir, { recursive: true, force: true });
});
const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

const ITERATIONS = 1000;
// The cpu backend: the runs' thread counts (divided among workers) cannot change a number.
const shared =
  'name: tiny\nseed: 1\nbackend: cpu\ndata: { name: ring8 }\n' +
  'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
  'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
  `training: { iterations: ${String(ITERATIONS)}, batchSize: 32 }\n` +
  'run: { dir: runs, logEvery: 50, checkpointEvery: 50 }\n';

/** metrics.jsonl without the clock. */
function metrics(run: string): unknown[] {
  return readFileSync(join(run, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const { elapsedSeconds: _clock, ...record } = JSON.parse(line) as Record<string, unknown>;
      return record;
    });
}

/** The metrics of an uninterrupted `ipmgan train` of the compare's run with `seed`. */
const reference = new Map<number, unknown[]>();
function referenceMetrics(seed: number): unknown[] {
  const known = reference.get(seed);
  if (known) return known;
  const out = join(dir, `reference-${String(seed)}`);
  const config = join(dir, `reference-${String(seed)}.yaml`);
  writeFileSync(config, `${shared.replace('seed: 1', `seed: ${String(seed)}`)}objective: { name: wgan }\n`);
  const trained = runIpmgan(['train', '-c', config, '--set', `run.dir=${out}`], dir);
  if (trained.code !== 0) throw new Error(trained.stderr);
  const records = metrics(join(out, readdirSync(out)[0] ?? ''));
  reference.set(seed, records);
  return records;
}

/**
 * Starts `ipmgan compare --workers 1` of wgan with seeds 1 and 2 in a new folder `cwd`; once the
 * first run has a checkpoint, `kill` SIGKILLs the worker or the parent. Resolves with the exit
 * code and output.
 */
async function compareKilled(
  cwd: string,
  kill: 'worker' | 'parent',
): Promise<{ code: number | null; stdout: string; stderr: string; compareDir: string; worker: number }> {
  mkdirSync(cwd);
  const file = join(cwd, 'compare.yaml');
  writeFileSync(file, `${shared}compare:\n  objectives: [wgan]\n  seeds: [1, 2]\n`);
  const child = spawn(process.execPath, [bin, 'compare', '-c', file, '--workers', '1'], {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      resolve(code);
    });
  });
  const runs = join(cwd, 'runs');
  let compareDir = '';
  // Up to 3 minutes: on a loaded machine the compare's start (planning, the worker's imports) is slow.
  let worker: number | undefined;
  for (let i = 0; i < 18000 && worker === undefined; i++) {
    await sleep(10);
    if (existsSync(runs)) compareDir = join(runs, readdirSync(runs)[0] ?? '');
    if (existsSync(join(compareDir, 'wgan-seed1', 'checkpoints', 'latest.json'))) [worker] = childrenOf(child.pid ?? 0);
  }
  if (worker === undefined) throw new Error(`no worker under ${String(child.pid)} with a checkpoint: ${stderr}`);
  process.kill(kill === 'worker' ? worker : (child.pid ?? 0), 'SIGKILL');
  const code = await exited;
  // An orphaned worker stops after its iteration (with a checkpoint) when its parent goes.
  for (let i = 0; i < 3000 && pidExists(worker); i++) await sleep(10);
  return { code, stdout, stderr, compareDir, worker };
}

test('a worker killed with SIGKILL is reported failed; --resume continues it exactly; a finished compare resumed trains nothing', async (t) => {
  const cwd = join(dir, 'worker-killed');
  const killed = await compareKilled(cwd, 'worker');
  t.is(killed.code, 1, killed.stderr);
  t.regex(killed.stdout, /^wgan-seed1 +failed +\d+\/\d+ +[\d.]+ +worker exited with SIGKILL/m);
  t.regex(killed.stdout, new RegExp(`^wgan-seed2 +finished +${String(ITERATIONS)}/${String(ITERATIONS)} `, 'm'));
  t.regex(
    killed.stderr,
    /ipmgan: 1 of 2 runs failed: wgan-seed1 \(worker exited with SIGKILL[^)]*\); retry the failed with ipmgan compare --resume /,
  );
  const record = JSON.parse(readFileSync(join(killed.compareDir, 'compare.json'), 'utf8')) as {
    runs: { directory: string; status?: { state: string; iteration: number; message?: string } }[];
  };
  t.is(record.runs[0]?.status?.state, 'failed');
  const message = record.runs[0]?.status?.message ?? '';
  t.true(message.startsWith('worker exited with SIGKILL'), message);
  const failedAt = record.runs[0]?.status?.iteration ?? -1;
  t.true(failedAt > 0 && failedAt < ITERATIONS, String(failedAt));
  t.is(record.runs[1]?.status?.state, 'finished');
  // The report counts the failed seed and lists it with its error, not as one seed fewer.
  const report = readFileSync(join(killed.compareDir, 'report.md'), 'utf8');
  t.true(report.includes(`| wgan | W1*K | 1 of 2 (2; seed 1 failed at ${String(failedAt)}) |`), report);
  t.true(report.includes(`| wgan | 1 | failed | ${String(failedAt)} | ${message.replaceAll('|', '\\|')} |`), report);
  t.true(report.includes(`| wgan | 2 | finished | ${String(ITERATIONS)} |  |`), report);

  const resumed = runIpmgan(['compare', '--resume', killed.compareDir, '--workers', '1'], cwd);
  t.is(resumed.code, 0, resumed.stderr);
  t.true(resumed.stderr.startsWith(`ipmgan: resuming ${killed.compareDir}: 1 of 2 runs already ended, 1 to train\n`));
  t.deepEqual(metrics(join(killed.compareDir, 'wgan-seed1')), referenceMetrics(1));
  t.deepEqual(metrics(join(killed.compareDir, 'wgan-seed2')), referenceMetrics(2));
  const after = readFileSync(join(killed.compareDir, 'report.md'), 'utf8');
  t.true(after.includes('| wgan | W1*K | 2 (1, 2) |'), after);
  t.true(after.includes(`| wgan | 1 | finished | ${String(ITERATIONS)} |  |`), after);

  const runsBefore = snapshotFiles(join(killed.compareDir, 'wgan-seed1'));
  const again = runIpmgan(['compare', '--resume', killed.compareDir, '--workers', '1'], cwd);
  t.is(again.code, 0, again.stderr);
  t.true(again.stderr.startsWith(`ipmgan: resuming ${killed.compareDir}: 2 of 2 runs already ended, 0 to train\n`));
  t.deepEqual(snapshotFiles(join(killed.compareDir, 'wgan-seed1')), runsBefore, 'no run trained or changed');
  t.is(readFileSync(join(killed.compareDir, 'report.md'), 'utf8'), after, 'the same report');
});

test('the compare process killed with SIGKILL: --resume continues the run in flight and starts the one never started', async (t) => {
  const cwd = join(dir, 'parent-killed');
  const killed = await compareKilled(cwd, 'parent');
  t.is(killed.code, null, 'killed by a signal');
  t.false(pidExists(killed.worker), 'the orphaned worker stopped');
  // The second run was planned (its config written) but never trained.
  t.deepEqual(readdirSync(join(killed.compareDir, 'wgan-seed2')), ['config.resolved.json']);

  const resumed = runIpmgan(['compare', '--resume', killed.compareDir, '--workers', '1'], cwd);
  t.is(resumed.code, 0, resumed.stderr);
  t.true(resumed.stderr.startsWith(`ipmgan: resuming ${killed.compareDir}: 0 of 2 runs already ended, 2 to train\n`));
  t.deepEqual(metrics(join(killed.compareDir, 'wgan-seed1')), referenceMetrics(1));
  t.deepEqual(metrics(join(killed.compareDir, 'wgan-seed2')), referenceMetrics(2));
  t.regex(resumed.stdout, new RegExp(`^wgan-seed1 +finished +${String(ITERATIONS)}/${String(ITERATIONS)} `, 'm'));
  // The seconds column counts both attempts, as metrics.jsonl's elapsedSeconds does (the last line: the run's end).
  const seconds = Number(/^wgan-seed1 +finished +\S+ +([\d.]+)/m.exec(resumed.stdout)?.[1]);
  const lines = readFileSync(join(killed.compareDir, 'wgan-seed1', 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n');
  const elapsed = (JSON.parse(lines.at(-1) ?? '{}') as { elapsedSeconds: number }).elapsedSeconds;
  t.true(seconds >= elapsed - 0.05 && seconds <= elapsed + 2, `${String(seconds)} s against ${String(elapsed)} s`);
  t.true(readFileSync(join(killed.compareDir, 'report.md'), 'utf8').includes('| wgan | W1*K | 2 (1, 2) |'));
});
