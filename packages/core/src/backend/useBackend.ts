import { ConfigError } from '../config/ConfigError.js';
import type { ParsedConfig } from '../config/ConfigSchema.js';
import { tf } from '../tensorflow.js';
import { registerWasmFixes } from './registerWasmFixes.js';
import { resolveThreads } from './resolveThreads.js';
import { startWasm } from './startWasm.js';

/** The optional native packages and what installing them takes. */
const NATIVE = {
  tensorflow: {
    pkg: '@tensorflow/tfjs-node',
    needs: 'its install step downloads libtensorflow (CPU)',
  },
  'tensorflow-gpu': {
    pkg: '@tensorflow/tfjs-node-gpu',
    needs: 'its install step downloads libtensorflow; it needs CUDA 11.2 and cuDNN 8.1',
  },
} as const;

/** The backend initialisation in progress, if any. */
let pending: Promise<void> = Promise.resolve();

/**
 * Activates the configured backend. wasm and cpu ship with ipmgan; the native ones are
 * optional peers imported only when named, so a machine without them never loads them.
 * `threads` is the wasm backend's (see resolveThreads); the others take 1 or 'auto'.
 */
export async function useBackend(
  backend: ParsedConfig['backend'],
  threads: ParsedConfig['threads'] = 1,
): Promise<void> {
  const count = resolveThreads(threads, backend);
  if (backend === 'tensorflow' || backend === 'tensorflow-gpu') {
    const { pkg, needs } = NATIVE[backend];
    try {
      await import(pkg);
    } catch {
      throw new ConfigError(
        `backend: "${backend}" needs the optional package ${pkg}, which is not installed; run \`npm install ${pkg}\` (${needs}), or use backend "wasm" or "cpu"`,
      );
    }
    // Both native packages register their backend under the name 'tensorflow'.
    if (!(await tf.setBackend('tensorflow'))) throw new ConfigError(`backend: ${pkg} is installed but failed to start`);
    return;
  }
  // One initialisation at a time: two runs created concurrently in one process (tests, a
  // library user) would otherwise both start the wasm module, and the second start fails.
  const started = pending.then(async () => {
    if (backend !== 'wasm') return tf.setBackend(backend);
    registerWasmFixes();
    await startWasm(count);
    return true;
  });
  pending = started.then(
    () => undefined,
    () => undefined,
  );
  if (!(await started)) throw new ConfigError(`backend: "${backend}" failed to initialise`);
}
