// The "hand-written tfjs loop" the benchmarks compare ipmgan against: a WGAN
// (weight clipping) on the 8-Gaussian ring written directly against
// tfjs-core + tfjs-layers, with no ipmgan code except, with --fix on, the wasm
// workarounds from @ipmgan/core.
//
//   node bench/handwritten-loop.mjs --batch 64 --iterations 20 --fix on|off
//
// prints {"batch", "fix", "backend", "genItersPerSec", "genItersPerCpuSec"}
// as one JSON line (warm-up iterations excluded).
// Needs `npm run build` (or `npx tsc -p packages/core`) for --fix on.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

import * as tf from '@tensorflow/tfjs-core';
// tfjs-core's Node bundle registers no gradients; tfjs-layers registers them.
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

const { values: args } = parseArgs({
  options: {
    batch: { type: 'string', default: '64' },
    iterations: { type: 'string', default: '20' },
    fix: { type: 'string', default: 'on' },
    backend: { type: 'string', default: 'wasm' },
    warmup: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
  },
});
const batch = Number(args.batch);
const iterations = Number(args.iterations);
const warmup = Number(args.warmup);
if (!['on', 'off'].includes(args.fix)) throw new Error('--fix must be on or off');
if (!(batch > 0 && iterations > 0 && warmup >= 0)) throw new Error('bad --batch/--iterations/--warmup');

// WGAN paper settings (Arjovsky et al. 2017) and the 8-Gaussian toy problem.
const HIDDEN = 512;
const NOISE_DIM = 2;
const N_CRITIC = 5;
const CLIP = 0.01;
const RING_RADIUS = 2;
const MODE_STD = 0.02;
const SCALE = 1.414;
const rmsprop = () => tf.train.rmsprop(5e-5, 0.99, 0, 1e-8);

if (args.fix === 'on') {
  const url = new URL('../packages/core/dist/backend/registerWasmFixes.js', import.meta.url);
  const { registerWasmFixes } = await import(url.href).catch(() => {
    throw new Error(`--fix on needs ${url.pathname}; build @ipmgan/core first`);
  });
  registerWasmFixes();
}
if (!(await tf.setBackend(args.backend))) throw new Error(`backend ${args.backend} failed`);
await tf.ready();

// Seeded PRNG (mulberry32) so every run sees the same data stream.
let state = Number(args.seed) >>> 0;
function uniform() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function gaussian() {
  return Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

// Points from 8 modes at radius 2, angles 2*pi*k/8, std 0.02, all / 1.414.
function sampleRing(n) {
  const xy = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * Math.floor(uniform() * 8)) / 8;
    xy[2 * i] = (RING_RADIUS * Math.cos(angle) + MODE_STD * gaussian()) / SCALE;
    xy[2 * i + 1] = (RING_RADIUS * Math.sin(angle) + MODE_STD * gaussian()) / SCALE;
  }
  return tf.tensor2d(xy, [n, 2]);
}

function mlp(inputDim, outputDim) {
  return tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [inputDim], units: HIDDEN, activation: 'relu' }),
      tfl.layers.dense({ units: HIDDEN, activation: 'relu' }),
      tfl.layers.dense({ units: HIDDEN, activation: 'relu' }),
      tfl.layers.dense({ units: outputDim }),
    ],
  });
}

const generator = mlp(NOISE_DIM, 2);
const critic = mlp(2, 1);
const generatorVars = generator.trainableWeights.map((w) => w.read());
const criticVars = critic.trainableWeights.map((w) => w.read());
const generatorOpt = rmsprop();
const criticOpt = rmsprop();

function criticStep() {
  tf.tidy(() => {
    const real = sampleRing(batch);
    const fake = generator.apply(tf.randomNormal([batch, NOISE_DIM]));
    // Critic maximizes E[D(real)] - E[D(fake)].
    criticOpt.minimize(() => tf.sub(tf.mean(critic.apply(fake)), tf.mean(critic.apply(real))), false, criticVars);
    for (const v of criticVars) v.assign(tf.clipByValue(v, -CLIP, CLIP));
  });
}

function generatorStep() {
  tf.tidy(() => {
    const z = tf.randomNormal([batch, NOISE_DIM]);
    generatorOpt.minimize(() => tf.neg(tf.mean(critic.apply(generator.apply(z)))), false, generatorVars);
  });
}

function train(steps) {
  for (let i = 0; i < steps; i++) {
    for (let c = 0; c < N_CRITIC; c++) criticStep();
    generatorStep();
  }
  // Wait for the last update (a no-op on synchronous backends like wasm).
  generatorVars[0].dataSync();
}

train(warmup);
const start = performance.now();
const cpuStart = process.cpuUsage();
train(iterations);
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

console.log(
  JSON.stringify({
    batch,
    fix: args.fix,
    backend: tf.getBackend(),
    genItersPerSec: iterations / seconds,
    // Less sensitive than wall time to other processes on a shared machine.
    genItersPerCpuSec: iterations / cpuSeconds,
  }),
);
