import type { NativeStatus } from './NativeStatus.js';

/**
 * The part of @ipmgan/native's API that core calls (the contract of docs/performance.md's
 * "Native kernels"). Core imports the package by name at run time and checks these members,
 * so core builds and runs where it is absent.
 */
export interface NativeModule {
  /** Tries the prebuilt platform package, then a local build; never throws. */
  loadNative(): NativeStatus;
  /** Registers the kernels for 'wasm' over the ones registered before; throws a one-line Error when the addon cannot load. */
  registerNativeKernels(options: { threads: number }): {
    readonly source: 'prebuilt' | 'local build';
    readonly path: string;
    readonly kernels: readonly string[];
  };
  /** Restores exactly the kernels and gradients registered before. */
  unregisterNativeKernels(): void;
}
