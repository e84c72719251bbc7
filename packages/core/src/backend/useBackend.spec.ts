import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { tf } from '../tensorflow.js';
import { nativeMode } from './nativeMode.js';
import { probeNative } from './probeNative.js';
import { useBackend } from './useBackend.js';

test.serial('wasm and cpu start offline', async (t) => {
  await useBackend('cpu');
  t.is(tf.getBackend(), 'cpu');
  await useBackend('wasm');
  t.is(tf.getBackend(), 'wasm');
});

for (const [backend, pkg] of [
  ['tensorflow', '@tensorflow/tfjs-node'],
  ['tensorflow-gpu', '@tensorflow/tfjs-node-gpu'],
] as const) {
  test.serial(`${backend} without ${pkg} installed is a one-line error saying how to install it`, async (t) => {
    const error = await t.throwsAsync(useBackend(backend), { instanceOf: ConfigError });
    t.regex(
      error.message,
      new RegExp(
        `^backend: "${backend}" needs the optional package ${pkg}, which is not installed; run \`npm install ${pkg}\``,
      ),
    );
    t.false(error.message.includes('\n'));
  });
}

test.serial('native "on" on a backend other than wasm is a one-line ConfigError', async (t) => {
  const error = await t.throwsAsync(useBackend('cpu', 1, 'on'), { instanceOf: ConfigError });
  t.is(error.message, 'native: "on" needs backend "wasm" (the native kernels run inside it), got "cpu"');
  t.deepEqual(await useBackend('cpu', 1, 'auto'), { native: false, reason: 'backend "cpu" runs its own kernels' });
});

/** Why 'off' is off: the config, or IPMGAN_NATIVE=0 when the suite runs under it. */
const off = { native: false, reason: nativeMode('off').why };

test.serial('native "off" runs wasm\'s kernels and says so', async (t) => {
  t.deepEqual(await useBackend('wasm', 1, 'off'), off);
  t.is(tf.getBackend(), 'wasm');
  // wasm's own BatchMatMul, with core's gradient fix in place.
  t.not(tf.getKernel(tf.BatchMatMul, 'wasm'), undefined);
});

// Where the addon loads (the monorepo's install builds it; .ci/run has its apt packages),
// 'auto' and 'on' register it with the pool on `threads`; where it cannot, 'auto' says why
// and 'on' fails with that reason. IPMGAN_NATIVE=0 makes every call take the second branch.
test.serial('native "auto" and "on" register the addon where it loads, and say why where it does not', async (t) => {
  const status = await probeNative('on');
  if (status.loaded) {
    const kernels = await useBackend('wasm', 1, 'on');
    t.like(kernels, { native: true, source: status.source, threads: 1 });
    t.true(kernels.native && kernels.kernels.includes('BatchMatMul'), JSON.stringify(kernels));
    t.deepEqual(await useBackend('wasm', 1, 'auto'), kernels);
    // Back to wasm's kernels when a later call says off, and to native again after.
    t.deepEqual(await useBackend('wasm', 1, 'off'), off);
    t.deepEqual(await useBackend('wasm', 1, 'on'), kernels);
    await useBackend('wasm', 1, 'off');
  } else if (off.reason === 'IPMGAN_NATIVE=0') {
    t.deepEqual(await useBackend('wasm', 1, 'on'), off);
    t.deepEqual(await useBackend('wasm', 1, 'auto'), off);
  } else {
    t.log(`native kernels not loadable here: ${status.reason}`);
    t.deepEqual(await useBackend('wasm', 1, 'auto'), { native: false, reason: status.reason });
    const error = await t.throwsAsync(useBackend('wasm', 1, 'on'), { instanceOf: ConfigError });
    t.is(error.message, `native: "on", but the native kernels cannot load: ${status.reason}`);
    t.false(error.message.includes('\n'));
  }
});
