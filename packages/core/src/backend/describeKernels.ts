import type { KernelSet } from './KernelSet.js';

/**
 * A kernel set in one line, as the report, `ipmgan plugins` and `--verbose` show it, e.g.
 * "native (prebuilt, 2 threads): BatchMatMul, Conv2D; wasm's for the rest" or
 * "wasm (native not active: IPMGAN_NATIVE=0)".
 */
export function describeKernels(kernels: KernelSet): string {
  if (!kernels.native) return `wasm (native not active: ${kernels.reason})`;
  const threads = `${String(kernels.threads)} thread${kernels.threads === 1 ? '' : 's'}`;
  return `native (${kernels.source}, ${threads}): ${kernels.kernels.join(', ')}; wasm's for the rest`;
}
