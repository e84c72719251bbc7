import { ConfigError } from '../config/ConfigError.js';
import type { ParsedConfig } from '../config/ConfigSchema.js';
import { tf } from '../tensorflow.js';
import { importNative } from './importNative.js';
import type { KernelSet } from './KernelSet.js';
import type { NativeModule } from './NativeModule.js';
import { nativeMode } from './nativeMode.js';
import { registerWasmFixes } from './registerWasmFixes.js';
import { resolveThreads } from './resolveThreads.js';
import { startWasm } from './startWasm.js';

/** The optional native backends and what installing them takes. */
const NATIVE_BACKENDS = {
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
let pending: Promise<unknown> = Promise.resolve();

/** The @ipmgan/native whose kernels are registered now, if any. */
let registered: NativeModule | undefined;

/**
 * Activates the configured backend and returns the kernels it runs. wasm and cpu ship with
 * ipmgan; the native backends are optional peers imported only when named, so a machine without
 * them never loads them. `threads` is the cores one run may use (see resolveThreads); the others
 * take 1 or 'auto'.
 *
 * On wasm, `native` (IPMGAN_NATIVE=0 overrides it: nativeMode) decides whether @ipmgan/native's
 * kernels replace wasm's where they cover a case: this is the one place they are registered,
 * after core's wasm fixes. With them, the wasm backend runs single-threaded and the native pool
 * gets the `threads`: two pools on the same cores only slow each other (docs/performance.md).
 * 'auto' without a loadable addon runs wasm's kernels and says why in the result; 'on' is a
 * one-line ConfigError. The kernel set is the process's: the last call decides it.
 */
export async function useBackend(
  backend: ParsedConfig['backend'],
  threads: ParsedConfig['threads'] = 1,
  native: ParsedConfig['native'] = 'auto',
): Promise<KernelSet> {
  const count = resolveThreads(threads, backend);
  const { mode, why } = nativeMode(native);
  // A config mistake whatever IPMGAN_NATIVE says.
  if (backend !== 'wasm' && native === 'on')
    throw new ConfigError(`native: "on" needs backend "wasm" (the native kernels run inside it), got "${backend}"`);
  const own: KernelSet = { native: false, reason: `backend "${backend}" runs its own kernels` };
  if (backend === 'tensorflow' || backend === 'tensorflow-gpu') {
    const { pkg, needs } = NATIVE_BACKENDS[backend];
    try {
      await import(pkg);
    } catch {
      throw new ConfigError(
        `backend: "${backend}" needs the optional package ${pkg}, which is not installed; run \`npm install ${pkg}\` (${needs}), or use backend "wasm" or "cpu"`,
      );
    }
    // Both native packages register their backend under the name 'tensorflow'.
    if (!(await tf.setBackend('tensorflow'))) throw new ConfigError(`backend: ${pkg} is installed but failed to start`);
    return own;
  }
  // One initialisation at a time: two runs created concurrently in one process (tests, a
  // library user) would otherwise both start the wasm module, and the second start fails.
  const started = pending.then(async (): Promise<KernelSet | null> => {
    if (backend !== 'wasm') return (await tf.setBackend(backend)) ? own : null;
    // Back to wasm's kernels with core's fixes, whatever an earlier call registered.
    unregisterNative();
    registerWasmFixes();
    const kernels = mode === 'off' ? { native: false as const, reason: why } : await registerNative(count);
    if (!kernels.native && mode === 'on')
      throw new ConfigError(`native: "on", but the native kernels cannot load: ${kernels.reason}`);
    try {
      await startWasm(kernels.native ? 1 : count);
    } catch (error) {
      unregisterNative();
      throw error;
    }
    return kernels;
  });
  pending = started.then(
    () => undefined,
    () => undefined,
  );
  const kernels = await started;
  if (kernels === null) throw new ConfigError(`backend: "${backend}" failed to initialise`);
  return kernels;
}

function unregisterNative(): void {
  registered?.unregisterNativeKernels();
  registered = undefined;
}

/** Registers @ipmgan/native's kernels with a pool of `threads`, or says why they cannot be (one line). */
async function registerNative(threads: number): Promise<KernelSet> {
  const module = await importNative();
  if ('reason' in module) return { native: false, reason: module.reason };
  const status = module.loadNative();
  if (!status.loaded) return { native: false, reason: status.reason };
  const { source, kernels } = module.registerNativeKernels({ threads });
  registered = module;
  return { native: true, source, threads, kernels: [...kernels] };
}
