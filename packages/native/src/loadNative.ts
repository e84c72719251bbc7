import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ADDON_ABI_VERSION, type NativeAddon } from './NativeAddon.js';
import type { NativeStatus } from './NativeStatus.js';

const require = createRequire(import.meta.url);
/** The prebuilt binary's package (its main is the .node file). */
const PREBUILT = '@ipmgan/native-linux-x64-gnu';
/** node-gyp's output in this package. */
const LOCAL = fileURLToPath(new URL('../build/Release/ipmgan_native.node', import.meta.url));

let loaded: { status: NativeStatus; addon: NativeAddon | null } | undefined;

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function open(path: string): NativeAddon {
  const addon = require(path) as NativeAddon;
  if (addon.abiVersion !== ADDON_ABI_VERSION) {
    throw new Error(`its ABI version is ${String(addon.abiVersion)}, this @ipmgan/native expects ${ADDON_ABI_VERSION}`);
  }
  return addon;
}

/** Loads the addon once per process: the prebuilt package, else the local build; the status says which, or why neither. */
export function loadNativeAddon(): { status: NativeStatus; addon: NativeAddon | null } {
  if (loaded) return loaded;
  const failures: string[] = [];
  let prebuilt: string | undefined;
  if (process.env['IPMGAN_NATIVE_PREBUILT'] === '0') {
    failures.push(`${PREBUILT} skipped (IPMGAN_NATIVE_PREBUILT=0)`);
  } else {
    try {
      prebuilt = require.resolve(PREBUILT);
    } catch {
      failures.push(`${PREBUILT} is not installed`);
    }
  }
  if (prebuilt !== undefined) {
    try {
      loaded = { status: { loaded: true, source: 'prebuilt', path: prebuilt }, addon: open(prebuilt) };
      return loaded;
    } catch (error) {
      failures.push(`${PREBUILT} did not load (${firstLine(error)})`);
    }
  }
  if (!existsSync(LOCAL)) {
    failures.push(
      `no local build at ${LOCAL} (npm run build:native -w @ipmgan/native needs node-gyp, a C compiler and libopenblas-serial-dev)`,
    );
  } else {
    try {
      loaded = { status: { loaded: true, source: 'local build', path: LOCAL }, addon: open(LOCAL) };
      return loaded;
    } catch (error) {
      failures.push(`the local build ${LOCAL} did not load (${firstLine(error)})`);
    }
  }
  loaded = { status: { loaded: false, reason: failures.join('; ') }, addon: null };
  return loaded;
}

/**
 * Tries the prebuilt @ipmgan/native-linux-x64-gnu (unless IPMGAN_NATIVE_PREBUILT=0), then this
 * package's local build (build/Release/ipmgan_native.node); never throws.
 */
export function loadNative(): NativeStatus {
  return loadNativeAddon().status;
}
