// Where one generator iteration's time goes, kernel by kernel (tf.profile), for the
// DCGAN/MNIST workload of bench/ipmgan-loop.mjs (or --workload mlp).
//
//   node bench/profile-step.mjs --workload dcgan --threads 1
//   node bench/profile-step.mjs --conv-input stock    # tfjs-backend-wasm's own Conv2DBackpropInput
//   node bench/profile-step.mjs --native on           # with @ipmgan/native's kernels (default off)
//
// Runs one warm-up iteration, then profiles --iterations more and prints, per kernel,
// the total ms per generator iteration, the calls and the share of the kernel time, as
// a markdown table, followed by the wall time per iteration. Needs `npm run build`.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

import { tf } from '../packages/core/dist/index.js';
import { corePlugin, describeKernels, openRun, resolveConfig } from '../packages/core/dist/engine.js';
import { ipmganPlugin } from '../packages/critic-wgan/dist/index.js';

const { values: args } = parseArgs({
  options: {
    workload: { type: 'string', default: 'dcgan' },
    backend: { type: 'string', default: 'wasm' },
    batch: { type: 'string', default: '64' },
    iterations: { type: 'string', default: '1' },
    threads: { type: 'string', default: '1' },
    top: { type: 'string', default: '14' },
    'conv-input': { type: 'string', default: 'phases' },
    native: { type: 'string', default: 'off' },
  },
});
const iterations = Number(args.iterations);
const rmsprop = { name: 'rmsprop', lr: 5e-5, decay: 0.99, epsilon: 1e-8, momentum: 0 };
const mlp = { name: 'mlp', options: { hidden: [512, 512, 512], activation: 'relu' } };
const workloads = {
  mlp: { data: { name: 'ring8' }, noise: { distribution: 'gaussian', dimension: 2 }, generator: mlp, critic: mlp },
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
const threads = args.threads === 'auto' ? 'auto' : Number(args.threads);
const config = resolveConfig(
  {
    name: 'profile',
    seed: 1,
    backend: args.backend,
    ...(threads === 1 ? {} : { threads }),
    native: args.native,
    objective: { name: 'wgan' },
    data: chosen.data,
    generator: { noise: chosen.noise, network: chosen.generator },
    critic: { network: chosen.critic, constraints: [{ name: 'weight-clipping', options: { clip: 0.01 } }] },
    training: {
      iterations: 1 + iterations,
      batchSize: Number(args.batch),
      schedule: { type: 'constant', nCritic: 5 },
      optimizers: { critic: rmsprop, generator: rmsprop },
    },
  },
  plugins,
);
// wasm's own kernel, before ipmgan's wasm fixes replace it.
const stockConvInput = tf.getKernel('Conv2DBackpropInput', 'wasm');
const run = await openRun({ resolved: config, plugins }, { directory: null });
if (args['conv-input'] === 'stock' && run.kernels.native) throw new Error('--conv-input stock: with --native off only');
if (args['conv-input'] === 'stock') {
  tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  tf.registerKernel(stockConvInput);
  // Its setup (binding the wasm function) ran for no backend yet.
  stockConvInput.setupFunc?.(tf.backend());
} else if (args['conv-input'] !== 'phases') throw new Error('--conv-input: stock or phases');
await run.trainer.fit({ iterations: 1 });
const start = performance.now();
const profile = await tf.profile(async () => {
  await run.trainer.fit({ iterations: 1 + iterations });
});
const wallMs = (performance.now() - start) / iterations;
run.dispose();

/** @type {Map<string, { ms: number, calls: number }>} */
const byKernel = new Map();
for (const k of profile.kernels) {
  const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
  const entry = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
  entry.ms += ms / iterations;
  entry.calls += 1 / iterations;
  byKernel.set(k.name, entry);
}
const total = [...byKernel.values()].reduce((s, e) => s + e.ms, 0);
const rows = [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms);
const top = Number(args.top);
console.log('| kernel | ms per gen it. | calls | share |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, e] of rows.slice(0, top)) {
  console.log(`| ${name} | ${e.ms.toFixed(0)} | ${Math.round(e.calls)} | ${((100 * e.ms) / total).toFixed(1)}% |`);
}
const rest = rows.slice(top).reduce((s, [, e]) => s + e.ms, 0);
if (rows.length > top)
  console.log(`| ${rows.length - top} others | ${rest.toFixed(0)} | | ${((100 * rest) / total).toFixed(1)}% |`);
console.log(`| all kernels | ${total.toFixed(0)} | ${profile.kernels.length / iterations} | 100% |`);
console.log(`\nwall ${wallMs.toFixed(0)} ms per generator iteration (profiled, ${iterations} it.)`);
console.log(`kernels: ${describeKernels(run.kernels)}`);
