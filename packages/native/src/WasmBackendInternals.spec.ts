import { createRequire } from 'node:module';
import test from 'ava';
import * as tf from '@tensorflow/tfjs-core';
import './testing/kernelPaths.js';
import { heapIndex, type WasmBackendInternals } from './WasmBackendInternals.js';

const require = createRequire(import.meta.url);

test.before(async () => {
  await tf.setBackend('wasm');
});

test('the kernels are written against tfjs-core and tfjs-backend-wasm 4.22.0 exactly', (t) => {
  t.is(tf.version_core, '4.22.0');
  t.is((require('@tensorflow/tfjs-backend-wasm/package.json') as { version: string }).version, '4.22.0');
});

test('contract: a tensor lies in wasm.HEAPF32 at dataIdMap.get(dataId).memoryOffset / 4', (t) => {
  const backend = tf.backend() as unknown as WasmBackendInternals;
  t.true(backend.wasm.HEAPF32 instanceof Float32Array);
  const x = tf.tensor1d([1.5, -2, 3.25]);
  const at = heapIndex(backend, x);
  t.deepEqual(Array.from(backend.wasm.HEAPF32.subarray(at, at + 3)), [1.5, -2, 3.25]);
  x.dispose();
});

test('contract: makeOutput allocates on the heap, incRef and disposeData count references to the data', (t) => {
  const backend = tf.backend() as unknown as WasmBackendInternals;
  const buffers = tf.backend().numDataIds();
  const out = backend.makeOutput([2, 3], 'float32');
  t.is(tf.backend().numDataIds(), buffers + 1);
  const at = heapIndex(backend, out);
  backend.wasm.HEAPF32.set([1, 2, 3, 4, 5, 6], at);
  t.deepEqual(Array.from(tf.backend().readSync(out.dataId) as Float32Array), [1, 2, 3, 4, 5, 6]);
  backend.incRef(out.dataId);
  t.false(backend.disposeData(out.dataId)); // one reference left
  t.true(backend.disposeData(out.dataId));
  t.is(tf.backend().numDataIds(), buffers);
});
