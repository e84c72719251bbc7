// The MMD cost curve: ms per generator iteration of @ipmgan/mmd on the 8-Gaussian ring for
// batch 64, 256, 1024 and 2048 with each estimator (biased and unbiased: O(n^2) kernel
// matrices; linear: O(n) disjoint pairs). Generator 2 -> 2x64 ReLU -> 2, Adam 1e-3, the
// objective's default median bandwidths (the median costs O(1) in the batch: at most 128 + 128
// pooled points). No critic, no estimate (logging is off), no run directory: a timed
// iteration is noise + data draw + generator forward/backward + the loss + one Adam step.
//
//   node bench/mmd-curve.mjs                 3 runs per cell, table + bench/results/mmd-curve-<date>.json
//   node bench/mmd-curve.mjs --quick         1 run per cell, fewer iterations, writes nothing
//   node bench/mmd-curve.mjs --backend cpu   another tfjs backend (cpu is very slow at 2048)
//
// Runs of the cells are interleaved (run r of every cell before run r + 1 of any) so that a
// noisy machine slows them alike; each cell reports the median over runs. Needs `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { corePlugin, openRun, resolveConfig } from '../packages/core/dist/engine.js';
import { ipmganPlugin } from '../packages/mmd/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const BATCHES = [64, 256, 1024, 2048];
const ESTIMATORS = ['biased', 'unbiased', 'linear'];
const RUNS = 3;
/**
 * Warm-up and timed iterations per run: fewer at large batches, where the quadratic
 * estimators take hundreds of ms per iteration, to keep the whole curve under ~4 minutes.
 * @type {Record<number, { warmup: number, iterations: number }>}
 */
const ITERATIONS = {
  64: { warmup: 5, iterations: 50 },
  256: { warmup: 3, iterations: 30 },
  1024: { warmup: 2, iterations: 12 },
  2048: { warmup: 1, iterations: 6 },
};

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    backend: { type: 'string', default: 'wasm' },
  },
});
const runs = args.quick ? 1 : RUNS;
const plugins = [corePlugin, ipmganPlugin];

/** @param {string} estimator @param {number} batch @param {{ warmup: number, iterations: number }} counts */
async function timeOne(estimator, batch, counts) {
  const config = resolveConfig(
    {
      name: 'mmd-curve',
      seed: 1,
      backend: args.backend,
      objective: { name: 'mmd', options: { estimator } },
      data: { name: 'ring8' },
      generator: { network: { name: 'mlp', options: { hidden: [64, 64] } } },
      training: {
        // Far beyond what is timed, so that no iteration is the last one (which logs an estimate).
        iterations: 1_000_000,
        batchSize: batch,
        optimizers: { generator: { name: 'adam', lr: 1e-3 } },
      },
      run: { logEvery: 1_000_000 },
    },
    plugins,
  );
  const run = await openRun({ resolved: config, plugins }, { directory: null });
  await run.trainer.fit({ iterations: counts.warmup });
  // fit() reads every step's loss back, so the last update has landed when it returns.
  const start = performance.now();
  await run.trainer.fit({ iterations: counts.warmup + counts.iterations });
  const ms = (performance.now() - start) / counts.iterations;
  run.dispose();
  return ms;
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** @type {Record<string, Record<number, number[]>>} */
const samples = Object.fromEntries(ESTIMATORS.map((e) => [e, Object.fromEntries(BATCHES.map((b) => [b, []]))]));
const started = performance.now();
for (let r = 0; r < runs; r++) {
  for (const batch of BATCHES) {
    const full = ITERATIONS[batch];
    const counts = args.quick ? { warmup: 1, iterations: Math.max(1, Math.ceil(full.iterations / 4)) } : full;
    for (const estimator of ESTIMATORS) {
      const ms = await timeOne(estimator, batch, counts);
      samples[estimator][batch].push(ms);
      process.stderr.write(`run ${r + 1}/${runs} ${estimator} batch ${batch}: ${ms.toFixed(1)} ms/iter\n`);
    }
  }
}
const seconds = (performance.now() - started) / 1000;

/** @param {number} x */
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const medians = Object.fromEntries(
  ESTIMATORS.map((e) => [e, Object.fromEntries(BATCHES.map((b) => [b, median(samples[e][b])]))]),
);
// Growth exponent between the two largest batches: ~2 for O(n^2), ~1 for O(n) once the
// batch-independent costs are small beside the batch-dependent ones.
const [b1, b2] = BATCHES.slice(-2);
const exponent = (e) => Math.log(medians[e][b2] / medians[e][b1]) / Math.log(b2 / b1);

const header = ['estimator', ...BATCHES.map((b) => `batch ${b}`), `growth exponent ${b1}->${b2}`];
const rows = ESTIMATORS.map((e) => [e, ...BATCHES.map((b) => fmt(medians[e][b])), exponent(e).toFixed(2)]);
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
console.log(`MMD cost curve: ms per generator iteration, median of ${runs} run(s), backend ${args.backend}`);
console.log(table);
console.log(`(${seconds.toFixed(0)} s in all)`);

if (!args.quick) {
  const date = new Date().toISOString().slice(0, 10);
  const path = `bench/results/mmd-curve-${date}.json`;
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  const result = {
    benchmark: 'mmd-curve',
    date: new Date().toISOString(),
    backend: args.backend,
    workload:
      'ring8, generator mlp 2 -> 64 -> 64 -> 2 (ReLU), Adam 1e-3, median bandwidths x [0.125, 0.25, 0.5, 1, 2], no estimate',
    unit: 'ms per generator iteration',
    runs,
    iterations: ITERATIONS,
    medians,
    samples,
    growthExponent: Object.fromEntries(ESTIMATORS.map((e) => [e, exponent(e)])),
    seconds,
    machine: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
    },
  };
  writeFileSync(`${root}${path}`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
