// `npm run bench`: generator iterations per second of two workloads, WGAN with weight
// clipping, RMSProp and n_critic 5 throughout:
// - mlp: the 8-Gaussian ring, 3x512 ReLU MLPs, at batch 64 and 256;
// - dcgan: MNIST with the shipped dcgan-generator / dcgan-critic (filters 64, z 100), batch 64;
// for ipmgan on each available backend (wasm with 1 and 2 threads; wasm with @ipmgan/native's
// kernels, its pool on 1 and 2 threads, when the addon loads), for a hand-written
// tfjs loop (mlp) and for PyTorch with 1 and 2 threads. Every run is a fresh process
// (bench/ipmgan-loop.mjs, bench/handwritten-loop.mjs, bench/torch_wgan.py) with its own
// warm-up; runs of the different implementations are interleaved so that a shared, noisy
// machine slows them alike, and each ratio compares medians from the same invocation, to
// PyTorch's best thread count.
//
//   npm run bench                         full run: writes bench/results/ and docs/performance.md
//   npm run bench -- --quick              smoke test: 1 run each, few iterations, writes nothing
//   npm run bench -- --only native,pytorch  a subset (ipmgan backends wasm, native, cpu,
//                                         tensorflow; handwritten; pytorch; mmd)
//   npm run bench -- --workloads dcgan    one workload (mlp, dcgan)
//   npm run bench -- --runs 3             runs per workload (default 5)
// Everything but --quick writes the results, with the options used.
// The `mmd` group is the MMD cost curve (bench/mmd-curve.mjs), run last in its own process.
//
// Needs `npm run build` first.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

import * as prettier from 'prettier';
import { probeNative } from '../packages/core/dist/engine.js';
import { pythonWithTorch } from '../packages/core/dist/testing/index.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const GROUPS = ['wasm', 'native', 'cpu', 'tensorflow', 'handwritten', 'pytorch', 'mmd'];
const WORKLOADS = ['mlp', 'dcgan'];
/** Batch sizes per workload. */
const BATCHES = { mlp: [64, 256], dcgan: [64] };
/** Thread counts of ipmgan's wasm backend and of PyTorch. */
const THREADS = [1, 2];

/**
 * Warm-up and timed generator iterations per run: 1-3 s of timing on 2 idle cores (PyTorch
 * on 2 threads is 3-10x slower than on 1 here, so its runs dominate the wall time). The cpu
 * backend (plain JS kernels) takes 3-11 s per iteration here, so it times 1-2 iterations
 * after a single warm-up one.
 * @type {Record<string, Record<string, Record<number, { warmup: number, iterations: number }>>>}
 */
const ITERATIONS = {
  mlp: {
    tfjs: { 64: { warmup: 2, iterations: 12 }, 256: { warmup: 1, iterations: 5 } },
    // About 3x faster than wasm: more iterations for the same timing.
    native: { 64: { warmup: 3, iterations: 36 }, 256: { warmup: 2, iterations: 15 } },
    cpu: { 64: { warmup: 1, iterations: 2 }, 256: { warmup: 1, iterations: 1 } },
    pytorch: { 64: { warmup: 2, iterations: 15 }, 256: { warmup: 1, iterations: 6 } },
  },
  // About 1 s (ipmgan) and 0.3 s (PyTorch) per generator iteration on idle cores; cpu would take minutes.
  dcgan: {
    tfjs: { 64: { warmup: 1, iterations: 3 } },
    native: { 64: { warmup: 1, iterations: 6 } },
    pytorch: { 64: { warmup: 1, iterations: 3 } },
  },
};

/**
 * @typedef {{ genItersPerSec: number, genItersPerCpuSec: number }} Rates
 * @typedef {{
 *   id: string, group: string, workload: string, implementation: string, backend: string,
 *   threads: number, batch: number, warmup: number, iterations: number, command: string[],
 *   runs: Rates[],
 * }} Workload
 */

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    workloads: { type: 'string' },
    runs: { type: 'string' },
  },
});
const only = args.only?.split(',').map((s) => s.trim()) ?? GROUPS;
const unknown = only.filter((g) => !GROUPS.includes(g));
if (unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(', ')}; choose from ${GROUPS.join(', ')}`);
const workloadNames = args.workloads?.split(',').map((s) => s.trim()) ?? WORKLOADS;
const unknownWorkloads = workloadNames.filter((w) => !WORKLOADS.includes(w));
if (unknownWorkloads.length > 0)
  throw new Error(`--workloads: unknown ${unknownWorkloads.join(', ')}; choose from ${WORKLOADS.join(', ')}`);
const runsPerWorkload = args.quick ? 1 : Number(args.runs ?? RUNS);
if (!(Number.isInteger(runsPerWorkload) && runsPerWorkload > 0))
  throw new Error(`--runs: expected a positive integer, got ${args.runs}`);
const writeResults = !args.quick;
/** The options of this invocation, recorded with its results. */
const invocation = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');

/** @param {string} command @param {string[]} argv */
async function output(command, argv) {
  const { stdout } = await run(command, argv, { cwd: root, maxBuffer: 1 << 24 });
  return stdout;
}

/** The tfjs-node package ipmgan's `backend: tensorflow` needs, or why it cannot run. */
function tensorflowSkipReason() {
  try {
    import.meta.resolve('@tensorflow/tfjs-node');
    return null;
  } catch {
    return '@tensorflow/tfjs-node is not installed (optional; `npm install @tensorflow/tfjs-node` downloads libtensorflow)';
  }
}

/**
 * @param {{ group: string, workload: string, implementation: string, backend: string, threads: number, batch: number }} what
 * @param {{ warmup: number, iterations: number }} counts @param {string[]} command
 * @returns {Workload}
 */
function workload(what, counts, command) {
  const warmup = args.quick ? 1 : counts.warmup;
  const iterations = args.quick ? Math.ceil(counts.iterations / 5) : counts.iterations;
  const { workload: name, implementation, backend, threads, batch } = what;
  return {
    id: `${name}-${implementation}-${backend.replace(/\W+/g, '')}-t${threads}-b${batch}`,
    ...what,
    warmup,
    iterations,
    command: [...command, '--batch', String(batch), '--warmup', String(warmup), '--iterations', String(iterations)],
    runs: [],
  };
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** @param {Workload} w @returns {Rates} */
function medians(w) {
  return {
    genItersPerSec: median(w.runs.map((r) => r.genItersPerSec)),
    genItersPerCpuSec: median(w.runs.map((r) => r.genItersPerCpuSec)),
  };
}

/** @param {number} x */
const fmt = (x) => (x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
/** @param {number} x */
const fmtRatio = (x) => (x >= 0.1 ? x.toFixed(2) : x.toPrecision(2));

/** @param {string[][]} rows */
function markdownTable(rows) {
  const [head, ...body] = rows;
  return [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

// --- what can run here ---------------------------------------------------------------

const skipped = /** @type {{ group: string, reason: string }[]} */ ([]);
const tensorflowSkip = tensorflowSkipReason();
const nativeStatus = only.includes('native') ? await probeNative('on') : null;
const nativeSkip =
  nativeStatus && !nativeStatus.loaded ? `the native kernels cannot load: ${nativeStatus.reason}` : null;
const { python, reason: pythonSkip } = only.includes('pytorch') ? pythonWithTorch() : { python: null, reason: null };
const handwrittenPath = 'bench/handwritten-loop.mjs';
const handwrittenSkip = existsSync(`${root}${handwrittenPath}`) ? null : `${handwrittenPath} is missing`;
for (const [group, reason] of [
  ['tensorflow', tensorflowSkip],
  ['native', nativeSkip],
  ['pytorch', pythonSkip],
  ['handwritten', handwrittenSkip],
]) {
  if (reason && only.includes(group)) skipped.push({ group, reason });
}
const skippedGroups = new Set(skipped.map((s) => s.group));

const node = process.execPath;
/** @type {Workload[]} */
const workloads = [];
for (const name of workloadNames) {
  const counts = ITERATIONS[name];
  for (const batch of BATCHES[name]) {
    const base = { workload: name, batch };
    const ipmgan = [node, 'bench/ipmgan-loop.mjs', '--workload', name];
    for (const threads of THREADS) {
      const command = [...ipmgan, '--backend', 'wasm', '--threads', String(threads), '--native', 'off'];
      workloads.push(
        workload(
          { ...base, group: 'wasm', implementation: 'ipmgan', backend: 'wasm', threads },
          counts.tfjs[batch],
          command,
        ),
      );
    }
    // wasm runs single-threaded beside the native pool, which gets the threads.
    for (const threads of THREADS) {
      const command = [...ipmgan, '--backend', 'wasm', '--threads', String(threads), '--native', 'on'];
      workloads.push(
        workload(
          { ...base, group: 'native', implementation: 'ipmgan', backend: 'wasm + native', threads },
          counts.native[batch],
          command,
        ),
      );
    }
    for (const backend of ['cpu', 'tensorflow']) {
      // The cpu backend (plain JS kernels) would take minutes per DCGAN iteration.
      const perBatch = backend === 'cpu' ? counts.cpu?.[batch] : counts.tfjs[batch];
      if (!perBatch) continue;
      const command = [...ipmgan, '--backend', backend];
      workloads.push(
        workload({ ...base, group: backend, implementation: 'ipmgan', backend, threads: 1 }, perBatch, command),
      );
    }
    if (name === 'mlp') {
      const handwritten = [node, handwrittenPath, '--fix', 'on'];
      workloads.push(
        workload(
          { ...base, group: 'handwritten', implementation: 'handwritten', backend: 'wasm', threads: 1 },
          counts.tfjs[batch],
          handwritten,
        ),
      );
    }
    for (const threads of THREADS) {
      const torch = [python ?? 'python3', 'bench/torch_wgan.py', '--workload', name, '--threads', String(threads)];
      workloads.push(
        workload(
          { ...base, group: 'pytorch', implementation: 'pytorch', backend: 'pytorch', threads },
          counts.pytorch[batch],
          torch,
        ),
      );
    }
  }
}
const selected = workloads.filter((w) => only.includes(w.group) && !skippedGroups.has(w.group));

// --- measure -------------------------------------------------------------------------

for (const s of skipped) console.log(`skipped ${s.group}: ${s.reason}`);
if (selected.some((w) => w.backend === 'cpu')) {
  console.log('note: the cpu backend is slow; it times fewer iterations per run (see the table)');
}
const started = performance.now();
const total = selected.length * runsPerWorkload;
let pytorchInfo = /** @type {{ torch: string, blas: string } | null} */ (null);
for (let r = 0; r < runsPerWorkload; r++) {
  for (const w of selected) {
    const [command, ...argv] = w.command;
    const lines = (await output(command, argv)).trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]);
    if (w.implementation === 'ipmgan' && w.backend.startsWith('wasm') && result.native !== (w.group === 'native'))
      throw new Error(`${w.id}: ran ${result.native ? 'with' : 'without'} the native kernels`);
    w.runs.push({ genItersPerSec: result.genItersPerSec, genItersPerCpuSec: result.genItersPerCpuSec });
    if (w.group === 'pytorch') pytorchInfo = { torch: result.torch, blas: result.blas };
    const done = r * selected.length + selected.indexOf(w) + 1;
    const elapsed = ((performance.now() - started) / 1000).toFixed(0);
    console.log(
      `[${done}/${total}, ${elapsed}s] ${w.id} run ${r + 1}: ${fmt(result.genItersPerSec)} gen it/s` +
        ` (${fmt(result.genItersPerCpuSec)} per CPU s)`,
    );
  }
}
const seconds = (performance.now() - started) / 1000;

// --- report --------------------------------------------------------------------------

/** @param {Workload} w */
const label = (w) =>
  w.implementation === 'pytorch' || w.backend.startsWith('wasm')
    ? `${w.implementation} (${w.backend === 'pytorch' ? '' : `${w.backend}, `}${w.threads} thread${w.threads === 1 ? '' : 's'})`
    : `${w.implementation} (${w.backend})`;

const ratios = [];
for (const name of workloadNames) {
  for (const batch of BATCHES[name]) {
    const here = selected.filter((w) => w.workload === name && w.batch === batch && w.runs.length > 0);
    const torch = here.filter((w) => w.implementation === 'pytorch');
    // PyTorch's best thread count here, by median wall-clock rate.
    const best = torch.reduce((a, b) => (medians(b).genItersPerSec > medians(a).genItersPerSec ? b : a), torch[0]);
    const pairs = [];
    const handwritten = here.find((w) => w.implementation === 'handwritten');
    const ipmganSingle = here.find((w) => w.implementation === 'ipmgan' && w.backend === 'wasm' && w.threads === 1);
    if (handwritten && ipmganSingle)
      pairs.push({ name: 'ipmgan / handwritten tfjs (wasm, 1 thread)', a: ipmganSingle, b: handwritten });
    if (best) {
      for (const w of here.filter((x) => x.implementation === 'ipmgan')) {
        pairs.push({ name: `${label(w)} / ${label(best)}, PyTorch's best`, a: w, b: best });
      }
    }
    for (const { name: pairName, a, b } of pairs) {
      const [ma, mb] = [medians(a), medians(b)];
      ratios.push({
        name: pairName,
        workload: name,
        batch,
        wall: ma.genItersPerSec / mb.genItersPerSec,
        cpu: ma.genItersPerCpuSec / mb.genItersPerCpuSec,
      });
    }
  }
}

const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
const machine = {
  nproc: os.availableParallelism(),
  cpuModel,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  ...(pytorchInfo ? { python, ...pytorchInfo } : {}),
};
const date = new Date().toISOString().slice(0, 10);

const workloadRows = selected.map((w) => {
  const m = medians(w);
  return [
    w.workload,
    w.implementation,
    w.backend,
    String(w.threads),
    String(w.batch),
    `${w.runs.length} x (${w.warmup} + ${w.iterations})`,
    fmt(m.genItersPerSec),
    fmt(m.genItersPerCpuSec),
  ];
});
const workloadTable = markdownTable([
  [
    'workload',
    'implementation',
    'backend',
    'threads',
    'batch',
    'runs x (warm-up + timed it.)',
    'median gen it/s',
    'median gen it/CPU s',
  ],
  ...workloadRows,
]);
const ratioTable = ratios.length
  ? markdownTable([
      ['ratio of medians', 'workload', 'batch', 'wall clock', 'CPU time'],
      ...ratios.map((r) => [r.name, r.workload, String(r.batch), fmtRatio(r.wall), fmtRatio(r.cpu)]),
    ])
  : '';
const skippedLines = skipped.map((s) => `- skipped ${s.group}: ${s.reason}`).join('\n');
const report = [workloadTable, ratioTable, skippedLines].filter(Boolean);
console.log(`\n${report.join('\n\n')}\n`);
console.log(`${seconds.toFixed(0)} s in all`);

if (!writeResults) {
  console.log('(--quick: results not written)');
} else {
  const label = `${machine.nproc}cpu-${String(cpuModel)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  const resultPath = `bench/results/${date}-${label}.json`;
  mkdirSync(`${root}bench/results`, { recursive: true });
  const results = {
    date,
    invocation,
    seconds: Math.round(seconds),
    machine,
    workloads: selected.map(({ command: _command, group: _group, ...w }) => ({ ...w, median: medians(w) })),
    ratios,
    skipped,
  };
  writeFileSync(`${root}${resultPath}`, `${JSON.stringify(results, null, 2)}\n`);

  const docPath = `${root}docs/performance.md`;
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const doc = readFileSync(docPath, 'utf8');
  const [before, rest] = doc.split(begin);
  const after = rest?.split(end)[1];
  if (after === undefined) throw new Error(`docs/performance.md lacks the ${begin} ... ${end} markers`);
  const machineLine =
    `${date}, ${machine.nproc} x ${cpuModel}, Node ${machine.node}` +
    (pytorchInfo ? `, torch ${pytorchInfo.torch} (${pytorchInfo.blas})` : '') +
    `; \`${invocation}\`; raw runs in [${resultPath}](../${resultPath}).`;
  const updated = `${before}${begin}\n\n${[machineLine, ...report].join('\n\n')}\n\n${end}${after}`;
  // Formatted as `npm run format:check` expects (prettier pads the table columns).
  const options = { ...(await prettier.resolveConfig(docPath)), filepath: docPath };
  writeFileSync(docPath, await prettier.format(updated, options));
  console.log(`wrote ${resultPath} and docs/performance.md`);
}

// The MMD objective's cost against batch size, per estimator (quadratic vs linear).
if (only.includes('mmd')) {
  const { spawnSync } = await import('node:child_process');
  const curve = spawnSync(process.execPath, [`${root}bench/mmd-curve.mjs`, ...(args.quick ? ['--quick'] : [])], {
    stdio: 'inherit',
  });
  if (curve.status !== 0) process.exitCode = curve.status ?? 1;
}
