export { fusedKernelNames } from './fusedKernelNames.js';
export { loadNative } from './loadNative.js';
export type { NativeStatus } from './NativeStatus.js';
export { registerNativeKernels, unregisterNativeKernels, type NativeRegistration } from './registerNativeKernels.js';
