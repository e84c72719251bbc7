import type { ParsedConfig } from '../config/ConfigSchema.js';
import { importNative } from './importNative.js';
import { nativeMode } from './nativeMode.js';
import type { NativeStatus } from './NativeStatus.js';

/**
 * Whether a run with `native: configured` on wasm would get the native kernels here, and where
 * from or why not (IPMGAN_NATIVE=0 included), without registering them: `ipmgan plugins`.
 */
export async function probeNative(configured: ParsedConfig['native'] = 'auto'): Promise<NativeStatus> {
  const { mode, why } = nativeMode(configured);
  if (mode === 'off') return { loaded: false, reason: why };
  const module = await importNative();
  return 'reason' in module ? { loaded: false, reason: module.reason } : module.loadNative();
}
