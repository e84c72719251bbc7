import type * as tf from '@tensorflow/tfjs-core';

/**
 * What the native kernels use of @tensorflow/tfjs-backend-wasm 4.22's BackendWasm, which
 * exports no type for it (wasmBackendContract.spec.ts checks each member on the real backend):
 * the heap, each tensor's byte offset in it, the allocator of outputs and the data refcount.
 */
export interface WasmBackendInternals {
  readonly wasm: { readonly HEAPF32: Float32Array };
  readonly dataIdMap: { get(dataId: tf.DataId): { readonly memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  incRef(dataId: tf.DataId): void;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
}

/** The float index of a tensor's first element in the heap. */
export function heapIndex(backend: WasmBackendInternals, info: tf.TensorInfo): number {
  const offset = backend.dataIdMap.get(info.dataId)?.memoryOffset;
  if (offset === undefined || offset % 4 !== 0) {
    throw new Error(`@ipmgan/native: tensor [${info.shape.join(', ')}] has no float32 data on the wasm heap`);
  }
  return offset / 4;
}
