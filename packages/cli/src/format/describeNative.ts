import type { NativeStatus } from '@ipmgan/core/engine';

/** `ipmgan plugins`' and `--verbose`'s line on the native kernels: where they load from, or why not. */
export function describeNative(status: NativeStatus): string {
  return status.loaded
    ? `native kernels: active (${status.source}, ${status.path})`
    : `native kernels: not active (${status.reason}); training runs on wasm's kernels`;
}
