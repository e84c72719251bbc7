import { tf } from '../tensorflow.js';

/** Runs one wasm kernel and keeps its output as a temporary. */
export type RunWasmKernel = (
  kernelName: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap,
) => tf.TensorInfo;

/** Keeps a tensor written on the backend directly as a temporary, and returns it. */
export type KeepTemporary = (info: tf.TensorInfo) => tf.TensorInfo;

/**
 * Runs a kernel built from kernels the wasm backend registers itself, straight on the
 * backend (no engine bookkeeping, as kernels calling kernels do in tfjs). `build` gets a
 * `run` for each inner kernel (and `keep` for data it writes itself) and returns the
 * result; every other temporary is freed, also when `build` throws, since intermediates
 * never reach the engine.
 */
export function runWasmKernels(
  backend: object,
  outerName: string,
  build: (run: RunWasmKernel, keep: KeepTemporary) => tf.TensorInfo,
): tf.TensorInfo {
  // All this needs of the backend beyond passing it on.
  const wasmBackend = backend as Pick<tf.KernelBackend, 'disposeData'>;
  const temps: tf.TensorInfo[] = [];
  const run: RunWasmKernel = (kernelName, inputs, attrs) => {
    const kernel = tf.getKernel(kernelName, 'wasm') as tf.KernelConfig | undefined;
    if (kernel === undefined) {
      throw new Error(`wasm ${outerName} needs the wasm '${kernelName}' kernel.`);
    }
    const out = kernel.kernelFunc({ inputs, attrs, backend });
    if (Array.isArray(out)) {
      throw new Error(`wasm '${kernelName}' returned several outputs, expected one.`);
    }
    temps.push(out);
    return out;
  };
  let result: tf.TensorInfo | undefined;
  try {
    const keep: KeepTemporary = (info) => {
      temps.push(info);
      return info;
    };
    result = build(run, keep);
    return result;
  } finally {
    for (const t of temps) {
      if (t !== result) wasmBackend.disposeData(t.dataId);
    }
  }
}
