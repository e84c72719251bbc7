import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import './testing/kernelPaths.js';
import { nativeKernels } from './nativeKernels.js';
import { registerNativeKernels, unregisterNativeKernels } from './registerNativeKernels.js';
import { stockBatchMatMulGrad } from './stockBatchMatMulGrad.js';

test.serial(
  'registerNativeKernels replaces each wasm kernel and gradient, unregisterNativeKernels puts the same objects back',
  (t) => {
    const kernelsBefore = nativeKernels.map((k) => tf.getKernel(k.kernelName, 'wasm') as tf.KernelConfig | undefined);
    const gradientsBefore = [tf.BatchMatMul, tf.Relu, tf.LeakyRelu].map(
      (name) => tf.getGradient(name) as tf.GradConfig | undefined,
    );
    const registration = registerNativeKernels({ threads: 1 });
    t.deepEqual(
      registration.kernels,
      nativeKernels.map((k) => k.kernelName),
    );
    t.true(registration.path.endsWith('.node'));
    nativeKernels.forEach((k, i) => {
      const now = tf.getKernel(k.kernelName, 'wasm') as tf.KernelConfig | undefined;
      t.not(now, undefined, k.kernelName);
      t.not(now, kernelsBefore[i], k.kernelName);
    });
    t.is(tf.getGradient(tf.BatchMatMul), stockBatchMatMulGrad);
    // A second call changes nothing.
    const registered = nativeKernels.map((k) => tf.getKernel(k.kernelName, 'wasm'));
    registerNativeKernels({ threads: 1 });
    t.deepEqual(
      nativeKernels.map((k) => tf.getKernel(k.kernelName, 'wasm')),
      registered,
    );
    unregisterNativeKernels();
    nativeKernels.forEach((k, i) => {
      t.true(tf.getKernel(k.kernelName, 'wasm') === kernelsBefore[i], k.kernelName);
    });
    [tf.BatchMatMul, tf.Relu, tf.LeakyRelu].forEach((name, i) => {
      t.true(tf.getGradient(name) === gradientsBefore[i], name);
    });
  },
);

test.serial('registerNativeKernels rejects a thread count that is not a positive integer, in one line', (t) => {
  const error = t.throws(() => registerNativeKernels({ threads: 0 }));
  t.regex(error.message, /^@ipmgan\/native: threads must be a positive integer, got 0$/);
});
