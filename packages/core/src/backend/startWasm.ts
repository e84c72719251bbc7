import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker as NodeWorker, type Transferable, type WorkerOptions } from 'node:worker_threads';
import { ConfigError } from '../config/ConfigError.js';
import { tf } from '../tensorflow.js';

/** The part of @tensorflow/tfjs-backend-wasm 4.22's API used here. */
interface WasmPackage {
  setThreadsCount(threads: number): void;
  getThreadsCount(): number;
}

/** What the threaded build's emscripten runtime exposes of its pthread pool. */
interface EmscriptenThreads {
  readonly PThread?: { unusedWorkers: { terminate(): unknown }[] };
}

const require = createRequire(import.meta.url);
const wasmPackage = require('@tensorflow/tfjs-backend-wasm') as WasmPackage;
const wasmOut = '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd';

/**
 * A pthread worker of the threaded build on Node's worker_threads. tfjs 4.22 hands
 * emscripten a blob: URL for the worker script and a Blob for the main script, which Node's
 * Worker and the worker's importScripts (fs.readFileSync) cannot open; the package also
 * ships both as files, so run the same worker script from its source text and point the
 * 'load' message at the main script's path. Everything else is emscripten's own Node code.
 */
class PthreadWorker extends NodeWorker {
  static #source: string | undefined;
  static #mainScript: string | undefined;

  constructor(_url: unknown, options?: WorkerOptions) {
    // The script is a JS string literal of the file: its "\n" escapes must stay escapes.
    PthreadWorker.#source ??= (
      require(`${wasmOut}.worker.js`) as { wasmWorkerContents: string }
    ).wasmWorkerContents.replace(/\n/g, '\\n');
    // No inherited flags: --input-type=module or a loader (--import) would make the script ESM.
    super(PthreadWorker.#source, { ...options, eval: true, execArgv: [] });
  }

  // emscripten refs a worker while it runs a pthread; XNNPACK's pool threads run for the
  // life of the backend, and the main thread blocks while they work, so they must never
  // keep the process alive on their own (it would not exit after training).
  override ref(): void {
    this.unref();
  }

  override postMessage(message: unknown, transfer?: readonly Transferable[]): void {
    if (isLoadMessage(message) && typeof message.urlOrBlob !== 'string') {
      PthreadWorker.#mainScript ??= require.resolve(`${wasmOut}.js`);
      super.postMessage({ ...message, urlOrBlob: PthreadWorker.#mainScript }, transfer);
      return;
    }
    super.postMessage(message, transfer);
  }
}

function isLoadMessage(message: unknown): message is { cmd: 'load'; urlOrBlob: unknown } {
  return typeof message === 'object' && message !== null && (message as { cmd?: unknown }).cmd === 'load';
}

/**
 * emscripten's Node runtime sets `globalThis.Worker = worker_threads.Worker` when the
 * module starts; keep the shim in its place (assignments are ignored).
 */
function installWorkerShim(): void {
  if (Object.getOwnPropertyDescriptor(globalThis, 'Worker')?.get?.() === PthreadWorker) return;
  Object.defineProperty(globalThis, 'Worker', {
    configurable: true,
    get: () => PthreadWorker,
    set: () => undefined,
  });
}

/**
 * The backend's C++ caps XNNPACK's pool at emscripten_num_logical_cores() / 2 (it assumes
 * two hyperthreads per core), which Node answers with os.cpus().length: on a 2-core machine,
 * one thread. Report 2 * threads logical cores while the module starts, then restore.
 */
function reportLogicalCores(threads: number): () => void {
  const cpus = os.cpus.bind(os);
  os.cpus = () => {
    const real = cpus();
    const first = real[0];
    return first === undefined ? real : Array.from({ length: 2 * threads }, (_, i) => real[i] ?? first);
  };
  return () => {
    os.cpus = cpus;
  };
}

/** Threads of this process's wasm backend, once started. */
function startedThreads(): number | undefined {
  return tf.engine().registry.wasm === undefined ? undefined : wasmPackage.getThreadsCount();
}

/**
 * Starts the wasm backend with `threads` XNNPACK threads (validated by resolveThreads) (1: tfjs's single-threaded build,
 * as before threads existed). A process starts wasm once: asking for another count later
 * is a ConfigError. More than one thread runs tfjs-backend-wasm-threaded-simd.wasm with its
 * pthreads on worker_threads (tfjs disables this under Node: tensorflow/tfjs#3830).
 */
export async function startWasm(threads: number): Promise<void> {
  const running = startedThreads();
  if (running !== undefined) {
    if (running !== threads) {
      throw new ConfigError(
        `threads: ${String(threads)} requested, but this process's wasm backend already runs ${String(running)} thread${running === 1 ? '' : 's'} (the count is fixed when wasm starts); run it in a new process`,
      );
    }
    if (!(await tf.setBackend('wasm'))) throw new ConfigError('backend: "wasm" failed to initialise');
    return;
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
  wasmPackage.setThreadsCount(threads);
  if (threads === 1) {
    if (!(await tf.setBackend('wasm'))) throw new ConfigError('backend: "wasm" failed to initialise');
    return;
  }
  installWorkerShim();
  const restore = reportLogicalCores(threads);
  let ok: boolean;
  try {
    ok = await tf.setBackend('wasm');
  } finally {
    restore();
  }
  if (!ok) throw new ConfigError(`backend: "wasm" with ${String(threads)} threads failed to initialise`);
  const got = wasmPackage.getThreadsCount();
  if (got !== threads) throw new Error(`wasm started ${String(got)} threads, ${String(threads)} requested`);
  // The build starts 8 pthread workers; XNNPACK holds threads - 1 of them. The idle rest
  // would cost a V8 isolate (about 12 MB) each, so end them.
  const pool = (tf.backend() as unknown as { wasm?: EmscriptenThreads }).wasm?.PThread;
  if (pool) {
    for (const worker of pool.unusedWorkers.splice(0)) void worker.terminate();
  }
}
