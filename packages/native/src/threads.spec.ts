import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { registerNativeKernels, unregisterNativeKernels } from './registerNativeKernels.js';
import { sample } from './testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('wasm');
});

/** The MLP's and DCGAN's large products and convolutions, with the pool at `threads`. */
function largeCalls(threads: number): Float32Array[] {
  registerNativeKernels({ threads });
  try {
    return tf.tidy(() => {
      const a = tf.tensor(sample([256, 512], 1), [256, 512]);
      const b = tf.tensor(sample([512, 511], 2), [512, 511]);
      const x = tf.tensor4d(sample([16, 14, 14, 64], 3), [16, 14, 14, 64]);
      const f = tf.tensor4d(sample([4, 4, 64, 128], 4), [4, 4, 64, 128]);
      const y = tf.conv2d(x, f, 2, 'same');
      return [
        tf.matMul(a, b),
        tf.matMul(a, tf.transpose(a), false, false),
        tf.matMul(tf.slice(b, [0, 0], [512, 256]), a, true, true),
        y,
        tf.conv2dTranspose(y, f, [16, 14, 14, 64], 2, 'same'),
        tf.grad((filter: tf.Tensor) => tf.sum(tf.conv2d(x, filter as tf.Tensor4D, 2, 'same')))(f),
      ].map((t) => t.dataSync() as Float32Array);
    });
  } finally {
    unregisterNativeKernels();
  }
}

test('the pool splits large calls over 2 threads with the same results bit for bit as 1 thread', (t) => {
  const one = largeCalls(1);
  const two = largeCalls(2);
  t.deepEqual(two, one);
  t.true(one.every((values) => values.some((v) => v !== 0)));
});
