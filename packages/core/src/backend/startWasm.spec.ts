import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { tf } from '../tensorflow.js';
import { probeNative } from './probeNative.js';
import { useBackend } from './useBackend.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/** Runs `body` in a fresh Node process with core's built `useBackend` and `tf` in scope. */
function fresh(body: string) {
  const script = `import { tf } from ${JSON.stringify(join(dist, 'index.js'))};\nimport { useBackend } from ${JSON.stringify(join(dist, 'engine.js'))};\n${body}`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
}

// One thread per CPU count here: the values below are exact products, the same on any machine.
const product = `
const a = tf.tensor2d(Array.from({ length: 64 * 48 }, (_, i) => (i % 7) - 3), [64, 48]);
const b = tf.tensor2d(Array.from({ length: 48 * 40 }, (_, i) => (i % 5) - 2), [48, 40]);
const c = tf.matMul(a, b).dataSync();
`;

// native: 'off' throughout: with the native kernels wasm runs single-threaded (last test).
test.serial('threads 2 starts the threaded build with two XNNPACK threads, and the process exits', (t) => {
  const result = fresh(
    `await useBackend('wasm', 2, 'off');\n${product}\n` +
      'const threads = tf.backend().wasm.tfjs.getThreadsCount();\n' +
      'console.log(JSON.stringify({ backend: tf.getBackend(), threads, c00: c[0], c17: c[17], sum: c.reduce((s, v) => s + v, 0) }));',
  );
  t.is(result.stderr, '');
  // A pool thread that kept the process alive would be killed by the timeout (status null).
  t.is(result.status, 0);
  const out = JSON.parse(result.stdout) as Record<string, number | string>;
  // c[0][0] = sum over k of ((k % 7) - 3) * (((40 k) % 5) - 2) = -2 * sum((k % 7) - 3), k < 48:
  // 48 = 6 * 7 + 6 terms, the six full cycles sum to 0, the rest (-3..2) to -3; so -2 * -3 = 6.
  t.is(out.c00, 6);
  t.is(out.backend, 'wasm');
  t.is(out.threads, 2);
  // Integers below 2^24 are exact in float32: one thread gives the same product.
  const single = fresh(
    `await useBackend('wasm', 1, 'off');\n${product}\nconsole.log(JSON.stringify({ c00: c[0], c17: c[17], sum: c.reduce((s, v) => s + v, 0) }));`,
  );
  t.is(single.status, 0);
  const one = JSON.parse(single.stdout) as Record<string, number>;
  t.deepEqual(one, { c00: out.c00, c17: out.c17, sum: out.sum });
});

test.serial('a second thread count in one process is a one-line config error', async (t) => {
  await useBackend('wasm', 1, 'off');
  const error = await t.throwsAsync(useBackend('wasm', 2, 'off'), { instanceOf: ConfigError });
  t.is(
    error.message,
    "threads: 2 requested, but this process's wasm backend already runs 1 thread (the count is fixed when wasm starts); run it in a new process",
  );
  // The running backend is untouched.
  await useBackend('wasm', 1, 'off');
  t.is(tf.getBackend(), 'wasm');
});

// Two pools on the same cores slow each other: with the native kernels the threads go to their pool.
test.serial('with the native kernels, wasm starts single-threaded and their pool gets the threads', async (t) => {
  const status = await probeNative('on');
  if (!status.loaded) {
    t.log(`native kernels not loadable here (${status.reason}): nothing to check`);
    t.pass();
    return;
  }
  const result = fresh(
    "const kernels = await useBackend('wasm', 2, 'on');\n" +
      'console.log(JSON.stringify({ wasmThreads: tf.backend().wasm.tfjs.getThreadsCount(), kernels }));',
  );
  t.is(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout) as { wasmThreads: number; kernels: { native: boolean; threads: number } };
  t.is(out.wasmThreads, 1);
  t.like(out.kernels, { native: true, threads: 2 });
});
