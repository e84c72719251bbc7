import test from 'ava';
import { ConfigError } from '../config/ConfigError.js';
import { tf } from '../tensorflow.js';
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
