import test from 'ava';
import { describeKernels } from './describeKernels.js';
import { KernelSetSchema } from './KernelSet.js';

test('a native kernel set names its source, threads and kernels; a wasm one says why', (t) => {
  t.is(
    describeKernels({ native: true, source: 'prebuilt', threads: 2, kernels: ['BatchMatMul', 'Conv2D'] }),
    "native (prebuilt, 2 threads): BatchMatMul, Conv2D; wasm's for the rest",
  );
  t.is(
    describeKernels({ native: true, source: 'local build', threads: 1, kernels: ['Sum'] }),
    "native (local build, 1 thread): Sum; wasm's for the rest",
  );
  t.is(describeKernels({ native: false, reason: 'IPMGAN_NATIVE=0' }), 'wasm (native not active: IPMGAN_NATIVE=0)');
});

test('the recorded kernel set is validated when a run directory is read back', (t) => {
  t.true(KernelSetSchema.safeParse({ native: false, reason: 'native: "off"' }).success);
  t.true(KernelSetSchema.safeParse({ native: true, source: 'prebuilt', threads: 1, kernels: [] }).success);
  t.false(KernelSetSchema.safeParse({ native: true, source: 'download', threads: 1, kernels: [] }).success);
  t.false(KernelSetSchema.safeParse({ native: true, source: 'prebuilt', threads: 0, kernels: [] }).success);
  t.false(KernelSetSchema.safeParse({ native: false }).success);
});
