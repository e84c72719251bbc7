import type * as tf from '@tensorflow/tfjs-core';
import { heapIndex, type WasmBackendInternals } from '../WasmBackendInternals.js';

/**
 * Runs a native kernel on the wasm heap: allocates its float32 outputs of `outShapes` (in that
 * order), then calls `run` with the heap (read after allocating, which may grow it), `at` (the
 * float index of any input or output) and the outputs, which it returns.
 */
export function runOnHeap<const S extends readonly (readonly number[])[]>(
  backend: Parameters<tf.KernelFunc>[0]['backend'],
  outShapes: S,
  run: (
    heap: Float32Array,
    at: (info: tf.TensorInfo) => number,
    outs: { -readonly [K in keyof S]: tf.TensorInfo },
  ) => void,
): { -readonly [K in keyof S]: tf.TensorInfo } {
  const wasm = backend as WasmBackendInternals;
  const outs = outShapes.map((shape) => wasm.makeOutput([...shape], 'float32')) as {
    -readonly [K in keyof S]: tf.TensorInfo;
  };
  run(wasm.wasm.HEAPF32, (info) => heapIndex(wasm, info), outs);
  return outs;
}
