import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const made: string[] = [];
test.after.always(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Trains the config in a fresh directory (inside the repo, so the workspace plugins are found); returns metrics.jsonl without its wall-clock field. */
function train(config: string): {
  code: number | null;
  stderr: string;
  records: unknown[];
  resolvedThreads: unknown;
  kernels: unknown;
} {
  mkdirSync(join(repo, 'runs'), { recursive: true });
  const dir = mkdtempSync(join(repo, 'runs', 'threads-spec-'));
  made.push(dir);
  const file = join(dir, 'ipmgan.config.yaml');
  writeFileSync(file, config);
  const result = spawnSync(process.execPath, [bin, 'train', '-c', file], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const runs = join(dir, 'runs');
  const [name] = readdirSync(runs);
  const runDir = join(runs, name ?? '');
  const records = readFileSync(join(runDir, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const { elapsedSeconds: _wallClock, ...record } = JSON.parse(line) as Record<string, unknown>;
      return record;
    });
  const resolved = JSON.parse(readFileSync(join(runDir, 'config.resolved.json'), 'utf8')) as {
    threads?: unknown;
    kernels?: unknown;
  };
  return {
    code: result.status,
    stderr: result.stderr,
    records,
    resolvedThreads: resolved.threads,
    kernels: resolved.kernels,
  };
}

/** The native kernels run unless the suite runs under IPMGAN_NATIVE=0 (then wasm's, whose XNNPACK splits too). */
const native = process.env.IPMGAN_NATIVE !== '0';

/** What a run's config.resolved.json records as its kernels' threads: the native pool's, or none on wasm's kernels. */
function poolThreads(kernels: unknown): unknown {
  return (kernels as { native?: boolean; threads?: unknown } | undefined)?.native === true
    ? (kernels as { threads?: unknown }).threads
    : null;
}

// A small conv critic and generator, so that XNNPACK's matmuls and convolutions all split across the threads.
const config = (threads: number): string =>
  `seed: 5\nthreads: ${String(threads)}\nnative: on\nobjective: { name: wgan }\n` +
  'data: { name: mnist, options: { range: minus-one-one, count: 256 } }\n' +
  'generator: { noise: { dimension: 16 }, network: { name: dcgan-generator, options: { filters: 8 } } }\n' +
  'critic: { network: { name: dcgan-critic, options: { filters: 8 } } }\n' +
  'training: { iterations: 4, batchSize: 32 }\nrun: { dir: runs, logEvery: 1 }\n';

// XNNPACK splits a product into output tiles, each computed whole by one thread in the same
// order: the thread count changes who computes a tile, not its value. The native kernels
// (native: on; IPMGAN_NATIVE=0 runs this on wasm's) split their large calls the same way.
test('the same seed and thread count give identical metrics.jsonl, and 1 thread the same as 2', (t) => {
  const first = train(config(2));
  const second = train(config(2));
  t.is(first.code, 0, first.stderr);
  t.is(second.code, 0, second.stderr);
  t.is(first.resolvedThreads, 2);
  t.is(poolThreads(first.kernels), native ? 2 : null);
  t.is(first.records.length, 4);
  t.deepEqual(second.records, first.records);
  const one = train(config(1));
  t.is(poolThreads(one.kernels), native ? 1 : null);
  t.deepEqual(one.records, first.records);
});

test('compare divides the cores: threads auto with one worker takes them all, and says so', (t) => {
  mkdirSync(join(repo, 'runs'), { recursive: true });
  const dir = mkdtempSync(join(repo, 'runs', 'threads-spec-'));
  made.push(dir);
  const file = join(dir, 'compare.yaml');
  writeFileSync(
    file,
    'name: cores\nseed: 1\nthreads: auto\ndata: { name: ring8 }\n' +
      'generator: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      'critic: { network: { name: mlp, options: { hidden: [8] } } }\n' +
      'training: { iterations: 2 }\nrun: { dir: runs, logEvery: 2 }\ncompare: { objectives: [wgan], seeds: [3] }\n',
  );
  const result = spawnSync(process.execPath, [bin, 'compare', '-c', file, '--workers', '1'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  t.is(result.status, 0, result.stderr);
  const cores = availableParallelism();
  const threads = Math.min(cores, 8);
  const each = `${String(threads)} thread${threads === 1 ? '' : 's'} each`;
  t.true(
    result.stderr.includes(`\nipmgan: ${String(cores)} core${cores === 1 ? '' : 's'}: 1 worker x ${each}\n`),
    result.stderr,
  );
  const [compareDir] = readdirSync(join(dir, 'runs'));
  const resolved = JSON.parse(
    readFileSync(join(dir, 'runs', compareDir ?? '', 'wgan-seed3', 'config.resolved.json'), 'utf8'),
  ) as { threads?: unknown; kernels?: unknown };
  // The run directory keeps the count it ran with, so a resume on another machine runs the same;
  // with the native kernels (auto: where they load) the count is their pool's.
  t.is(resolved.threads, threads);
  t.is(poolThreads(resolved.kernels), (resolved.kernels as { native?: boolean }).native === true ? threads : null);
});
