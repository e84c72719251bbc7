// One timing of ipmgan itself on the canonical benchmark workload: WGAN (weight
// clipping) on the 8-Gaussian ring, generator 2 -> 3x512 ReLU -> 2, critic
// 2 -> 3x512 ReLU -> 1, RMSProp (lr 5e-5, decay 0.99, eps 1e-8), clip 0.01,
// n_critic 5, trained through openRun + Trainer.fit with no run directory.
//
//   node bench/ipmgan-loop.mjs --backend wasm --batch 64 --iterations 20 --warmup 2
//   node bench/ipmgan-loop.mjs --workload dcgan --threads 2 --batch 64 --iterations 3 --warmup 1
//   node bench/ipmgan-loop.mjs --native on --threads 2     @ipmgan/native's kernels, its pool on 2 threads
//
// --native: the config's native setting (default off: wasm's own kernels, so that the wasm rows
// stay wasm rows wherever the addon is built); on fails when the addon cannot load.
//
// --workload dcgan: WGAN on MNIST (digits in [-1, 1]) with the shipped dcgan-generator
// (z 100, filters 64, batch norm, tanh) and dcgan-critic (filters 64, batch norm), same
// RMSProp and clipping.
//
// prints {"workload", "batch", "backend", "threads", "native", "kernels", "iterations", "genItersPerSec", "genItersPerCpuSec"} as
// one JSON line (warm-up iterations excluded).
// Needs `npm run build`.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

import { corePlugin, openRun, resolveConfig } from '../packages/core/dist/engine.js';
import { ipmganPlugin } from '../packages/critic-wgan/dist/index.js';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    workload: { type: 'string', default: 'mlp' },
    threads: { type: 'string', default: '1' },
    native: { type: 'string', default: 'off' },
    batch: { type: 'string', default: '64' },
    iterations: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
  },
});
const batch = Number(args.batch);
const iterations = Number(args.iterations);
const warmup = Number(args.warmup);
if (!(batch > 0 && iterations > 0 && warmup >= 0)) throw new Error('bad --batch/--iterations/--warmup');

const rmsprop = { name: 'rmsprop', lr: 5e-5, decay: 0.99, epsilon: 1e-8, momentum: 0 };
const mlp = { name: 'mlp', options: { hidden: [512, 512, 512], activation: 'relu' } };
const workloads = {
  mlp: {
    data: { name: 'ring8' },
    noise: { distribution: 'gaussian', dimension: 2 },
    generator: mlp,
    critic: mlp,
  },
  dcgan: {
    data: { name: 'mnist', options: { range: 'minus-one-one' } },
    noise: { distribution: 'gaussian', dimension: 100 },
    generator: { name: 'dcgan-generator', options: { filters: 64 } },
    critic: { name: 'dcgan-critic', options: { filters: 64 } },
  },
};
const chosen = workloads[args.workload];
if (!chosen) throw new Error(`--workload: choose from ${Object.keys(workloads).join(', ')}`);
const plugins = [corePlugin, ipmganPlugin];
// Every setting spelled out, so a change of the objective's defaults cannot move the benchmark.
const config = resolveConfig(
  {
    name: 'bench',
    seed: Number(args.seed),
    backend: args.backend,
    threads: args.threads === 'auto' ? 'auto' : Number(args.threads),
    native: args.native,
    objective: { name: 'wgan' },
    data: chosen.data,
    generator: { noise: chosen.noise, network: chosen.generator },
    critic: { network: chosen.critic, constraints: [{ name: 'weight-clipping', options: { clip: 0.01 } }] },
    training: {
      iterations: warmup + iterations,
      batchSize: batch,
      schedule: { type: 'constant', nCritic: 5 },
      optimizers: { critic: rmsprop, generator: rmsprop },
    },
  },
  plugins,
);

const run = await openRun({ resolved: config, plugins }, { directory: null });
await run.trainer.fit({ iterations: warmup });
// fit() reads every step's loss back, so the last update has landed when it returns.
const start = performance.now();
const cpuStart = process.cpuUsage();
await run.trainer.fit({ iterations: warmup + iterations });
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
run.dispose();

console.log(
  JSON.stringify({
    workload: args.workload,
    batch,
    backend: config.backend,
    threads: config.threads,
    native: run.kernels.native,
    kernels: run.kernels.native ? run.kernels.kernels : [],
    iterations,
    genItersPerSec: iterations / seconds,
    // Less sensitive than wall time to other processes on a shared machine.
    genItersPerCpuSec: iterations / ((cpu.user + cpu.system) / 1e6),
  }),
);
