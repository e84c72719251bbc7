// `npm run bench`: generator iterations per second of the canonical workload (WGAN with
// weight clipping on the 8-Gaussian ring, 3x512 ReLU MLPs, RMSProp, n_critic 5) for
// ipmgan on each available backend, for a hand-written tfjs loop and for PyTorch on one
// thread, at batch 64 and 256. Every run is a fresh process (bench/ipmgan-loop.mjs,
// bench/handwritten-loop.mjs, bench/torch_wgan.py) with its own warm-up; runs of the
// different implementations are interleaved so that a shared, noisy machine slows them
// alike, and the ratios compare medians from the same invocation.
//
//   npm run bench                         full run: writes bench/results/ and docs/performance.md
//   npm run bench -- --quick              smoke test: 1 run each, few iterations, writes nothing
//   npm run bench -- --only wasm,pytorch  a subset (ipmgan backends wasm, cpu, tensorflow;
//                                         handwritten; pytorch; mmd), writes nothing
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

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const BATCHES = [64, 256];
const RUNS = 5;
const GROUPS = ['wasm', 'cpu', 'tensorflow', 'handwritten', 'pytorch', 'mmd'];

/**
 * Warm-up and timed generator iterations per run: about 3 s of timing on the 2-core
 * development machine. The cpu backend (plain JS kernels) takes 3-11 s per iteration here,
 * so it times 1-2 iterations after a single warm-up one.
 * @type {Record<string, Record<number, { warmup: number, iterations: number }>>}
 */
const ITERATIONS = {
  tfjs: { 64: { warmup: 3, iterations: 25 }, 256: { warmup: 2, iterations: 8 } },
  cpu: { 64: { warmup: 1, iterations: 2 }, 256: { warmup: 1, iterations: 1 } },
  pytorch: { 64: { warmup: 5, iterations: 75 }, 256: { warmup: 3, iterations: 25 } },
};

/**
 * @typedef {{ genItersPerSec: number, genItersPerCpuSec: number }} Rates
 * @typedef {{
 *   id: string, group: string, implementation: string, backend: string, batch: number,
 *   warmup: number, iterations: number, command: string[], runs: Rates[],
 * }} Workload
 */

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const only = args.only?.split(',').map((s) => s.trim()) ?? GROUPS;
const unknown = only.filter((g) => !GROUPS.includes(g));
if (unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(', ')}; choose from ${GROUPS.join(', ')}`);
const runsPerWorkload = args.quick ? 1 : RUNS;
// Result files describe the full benchmark only.
const writeResults = !args.quick && args.only === undefined;

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

/** The first python with torch: Debian's python3-torch installs for /usr/bin/python3, not a pyenv one. */
async function findTorchPython() {
  const candidates = ['/usr/bin/python3', 'python3'];
  for (const python of candidates) {
    try {
      await output(python, ['-c', 'import torch']);
      return { python, reason: null };
    } catch {
      // No such python, or no torch for it: try the next.
    }
  }
  return {
    python: null,
    reason: `no python with torch (tried ${candidates.join(', ')}); on Debian: apt-get install python3-torch libopenblas0-pthread`,
  };
}

/**
 * @param {string} group @param {string} implementation @param {string} backend @param {number} batch
 * @param {{ warmup: number, iterations: number }} counts @param {string[]} command
 * @returns {Workload}
 */
function workload(group, implementation, backend, batch, counts, command) {
  const warmup = args.quick ? 1 : counts.warmup;
  const iterations = args.quick ? Math.ceil(counts.iterations / 5) : counts.iterations;
  return {
    id: `${implementation}-${backend.replace(/\W+/g, '')}-b${batch}`,
    group,
    implementation,
    backend,
    batch,
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
const { python, reason: pythonSkip } = only.includes('pytorch')
  ? await findTorchPython()
  : { python: null, reason: null };
const handwrittenPath = 'bench/handwritten-loop.mjs';
const handwrittenSkip = existsSync(`${root}${handwrittenPath}`) ? null : `${handwrittenPath} is missing`;
for (const [group, reason] of [
  ['tensorflow', tensorflowSkip],
  ['pytorch', pythonSkip],
  ['handwritten', handwrittenSkip],
]) {
  if (reason && only.includes(group)) skipped.push({ group, reason });
}
const skippedGroups = new Set(skipped.map((s) => s.group));

const node = process.execPath;
/** @type {Workload[]} */
const workloads = [];
for (const batch of BATCHES) {
  for (const backend of ['wasm', 'cpu', 'tensorflow']) {
    const counts = (backend === 'cpu' ? ITERATIONS.cpu : ITERATIONS.tfjs)[batch];
    const command = [node, 'bench/ipmgan-loop.mjs', '--backend', backend];
    workloads.push(workload(backend, 'ipmgan', backend, batch, counts, command));
  }
  const handwritten = [node, handwrittenPath, '--fix', 'on'];
  workloads.push(workload('handwritten', 'handwritten', 'wasm', batch, ITERATIONS.tfjs[batch], handwritten));
  const torch = [python ?? 'python3', 'bench/torch_wgan.py'];
  workloads.push(workload('pytorch', 'pytorch', '1 thread', batch, ITERATIONS.pytorch[batch], torch));
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

/** @param {string} implementation @param {string} backend @param {number} batch */
const find = (implementation, backend, batch) =>
  selected.find((w) => w.implementation === implementation && w.backend === backend && w.batch === batch);

const ratios = [];
for (const batch of BATCHES) {
  const pairs = [
    {
      name: 'ipmgan / handwritten tfjs (wasm)',
      a: find('ipmgan', 'wasm', batch),
      b: find('handwritten', 'wasm', batch),
    },
    ...['wasm', 'cpu', 'tensorflow'].map((backend) => ({
      name: `ipmgan (${backend}) / pytorch (1 thread)`,
      a: find('ipmgan', backend, batch),
      b: find('pytorch', '1 thread', batch),
    })),
  ];
  for (const { name, a, b } of pairs) {
    if (!a || !b) continue;
    const [ma, mb] = [medians(a), medians(b)];
    ratios.push({
      name,
      batch,
      wall: ma.genItersPerSec / mb.genItersPerSec,
      cpu: ma.genItersPerCpuSec / mb.genItersPerCpuSec,
    });
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
    w.implementation,
    w.backend,
    String(w.batch),
    `${w.runs.length} x (${w.warmup} + ${w.iterations})`,
    fmt(m.genItersPerSec),
    fmt(m.genItersPerCpuSec),
  ];
});
const workloadTable = markdownTable([
  ['implementation', 'backend', 'batch', 'runs x (warm-up + timed it.)', 'median gen it/s', 'median gen it/CPU s'],
  ...workloadRows,
]);
const ratioTable = ratios.length
  ? markdownTable([
      ['ratio of medians', 'batch', 'wall clock', 'CPU time'],
      ...ratios.map((r) => [r.name, String(r.batch), fmtRatio(r.wall), fmtRatio(r.cpu)]),
    ])
  : '';
const skippedLines = skipped.map((s) => `- skipped ${s.group}: ${s.reason}`).join('\n');
const report = [workloadTable, ratioTable, skippedLines].filter(Boolean);
console.log(`\n${report.join('\n\n')}\n`);
console.log(`${seconds.toFixed(0)} s in all`);

if (!writeResults) {
  console.log('(--quick or --only: results not written)');
} else {
  const label = `${machine.nproc}cpu-${String(cpuModel)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  const resultPath = `bench/results/${date}-${label}.json`;
  mkdirSync(`${root}bench/results`, { recursive: true });
  const results = {
    date,
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
    `; raw runs in [${resultPath}](../${resultPath}).`;
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
