import { availableParallelism } from 'node:os';
import { ConfigError } from '../config/ConfigError.js';
import type { ParsedConfig } from '../config/ConfigSchema.js';

/** The most threads the threaded wasm build can use (it starts 8 pthread workers). */
const MAX_WASM_THREADS = 8;

/**
 * The thread count a config's `threads` means on this machine: 'auto' is the machine's
 * cores (at most 8) on wasm and 1 elsewhere; a number is taken as written. Only wasm runs
 * several threads here (cpu is plain JavaScript; the native backends size their own pools).
 */
export function resolveThreads(
  threads: ParsedConfig['threads'],
  backend: ParsedConfig['backend'],
  cores: number = availableParallelism(),
): number {
  if (threads === 'auto') return backend === 'wasm' ? Math.max(1, Math.min(cores, MAX_WASM_THREADS)) : 1;
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_WASM_THREADS) {
    throw new ConfigError(
      `threads: expected "auto" or an integer from 1 to ${String(MAX_WASM_THREADS)}, got ${String(threads)}`,
    );
  }
  if (threads > 1 && backend !== 'wasm') {
    throw new ConfigError(
      `threads: ${String(threads)} needs backend "wasm"; backend "${backend}" runs with threads 1 or "auto"`,
    );
  }
  return threads;
}
