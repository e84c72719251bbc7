import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import { kernelPaths, onNative, sample } from '../testing/kernelPaths.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

test.serial(
  'Identity: the native kernel returns the same values as wasm and cpu, for odd shapes and int32',
  async (t) => {
    const values = sample([3, 7, 5], 1);
    const { cpu, wasm, native } = await kernelPaths(tf.Identity, () => [
      tf.clone(tf.tensor(values, [3, 7, 5])).dataSync() as Float32Array,
      Float32Array.from(tf.clone(tf.tensor([1, -2, 3], [3], 'int32')).dataSync()),
      tf.clone(tf.scalar(2.5)).dataSync() as Float32Array,
    ]);
    t.deepEqual(native, wasm);
    t.deepEqual(native, cpu);
    t.deepEqual(Array.from(native[1] ?? []), [1, -2, 3]);
  },
);

test.serial(
  'Identity shares the data without a copy, and the data outlives whichever copy is disposed first',
  async (t) => {
    const [first = NaN, shared = NaN] =
      (
        await onNative(() => {
          const x = tf.tensor1d([4, 5, 6]);
          const y = tf.clone(x);
          const buffers = tf.backend().numDataIds();
          const z = tf.clone(y);
          // No new heap buffer for z.
          const sameBuffer = tf.backend().numDataIds() === buffers ? 1 : 0;
          x.dispose();
          y.dispose();
          return [Float32Array.from([z.dataSync()[0] ?? NaN, sameBuffer])];
        })
      )[0] ?? [];
    t.is(first, 4);
    t.is(shared, 1);
  },
);
