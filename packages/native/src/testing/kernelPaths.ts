// tfjs-layers registers the gradients (tfjs-core's Node bundle has none), as in @ipmgan/core.
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { registerNativeKernels, unregisterNativeKernels } from '../registerNativeKernels.js';

tf.enableProdMode();

/** A computation's results as float arrays, read inside a tidy. */
export type Compute = () => Float32Array[];

/** The same computation on tfjs's cpu backend, wasm's own kernels, and the native kernels. */
export interface PathResults {
  readonly cpu: Float32Array[];
  readonly wasm: Float32Array[];
  readonly native: Float32Array[];
}

function read(compute: Compute): Float32Array[] {
  return tf.tidy(() => compute());
}

/** The wasm backend's count of live data buffers (each tensor's heap allocation). */
function wasmBuffers(): number {
  return tf.backend().numDataIds();
}

/**
 * Runs `compute` on cpu, on plain wasm, then on wasm with the native kernels registered, where
 * `kernelName`'s previous wasm kernel is replaced by one that throws: every case must then run
 * natively, not by falling back. Checks on the native path that neither tensors nor heap buffers leak.
 */
export async function kernelPaths(kernelName: string, compute: Compute): Promise<PathResults> {
  await tf.setBackend('cpu');
  const cpu = read(compute);
  await tf.setBackend('wasm');
  unregisterNativeKernels();
  const wasm = read(compute);
  const original = tf.getKernel(kernelName, 'wasm') as tf.KernelConfig | undefined;
  if (original !== undefined) {
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({
      kernelName,
      backendName: 'wasm',
      kernelFunc: () => {
        throw new Error(`the native ${kernelName} fell back to wasm`);
      },
    });
  }
  try {
    registerNativeKernels({ threads: 1 });
    read(compute); // warm-up: first calls may allocate lasting backend state
    const tensors = tf.memory().numTensors;
    const buffers = wasmBuffers();
    const native = read(compute);
    if (tf.memory().numTensors !== tensors || wasmBuffers() !== buffers) {
      throw new Error(
        `native ${kernelName} leaked: ${tensors} -> ${tf.memory().numTensors} tensors, ${buffers} -> ${wasmBuffers()} buffers`,
      );
    }
    return { cpu, wasm, native };
  } finally {
    unregisterNativeKernels();
    if (original !== undefined) {
      tf.unregisterKernel(kernelName, 'wasm');
      tf.registerKernel(original);
    }
  }
}

/** Runs `compute` on wasm with the native kernels registered (for ipmgan's fused kernels, which only native has). */
export async function onNative(compute: Compute): Promise<Float32Array[]> {
  await tf.setBackend('wasm');
  registerNativeKernels({ threads: 1 });
  try {
    return read(compute);
  } finally {
    unregisterNativeKernels();
  }
}

/** max |a - b| / max |b| over all elements of all pairs (float32 sums lose ~1e-7 of their scale). */
export function relativeError(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  if (a.length !== b.length) throw new Error(`${a.length} results against ${b.length}`);
  let diff = 0;
  let scale = 0;
  a.forEach((values, k) => {
    const ref = b[k];
    if (ref === undefined || ref.length !== values.length) throw new Error(`result ${k} differs in size`);
    values.forEach((v, i) => {
      const r = ref[i] ?? Number.NaN;
      diff = Math.max(diff, Math.abs(v - r));
      scale = Math.max(scale, Math.abs(r));
    });
  });
  if (Number.isNaN(diff) || scale === 0) return Number.NaN;
  return diff / scale;
}

/** A seeded normal tensor's values, as fixed inputs shared by every backend. */
export function sample(shape: number[], seed: number): Float32Array {
  return tf.tidy(() => tf.randomNormal(shape, 0, 1, 'float32', seed).dataSync() as Float32Array);
}
