import type { ExecutionContext } from 'ava';
import { kernelPaths, relativeError } from './kernelPaths.js';

/** Variable shapes an optimizer spec steps: a matrix, a scalar-like bias, a kernel with a unit axis. */
const shapes = [[7, 13], [1], [3, 1, 5]];

/**
 * The check of a fused optimizer kernel (adam, rmsProp): `steps` runs a few steps of core's
 * composite for one variable shape, taking the fused kernel where the backend has it (and then
 * pushing to `fusedRan`). On native the kernel must have run, equal wasm's composite bit for
 * bit and cpu's to 1e-5 relative.
 */
export async function assertOptimizerStepsMatch(
  t: ExecutionContext,
  kernelName: string,
  steps: (shape: number[], fusedRan: boolean[]) => Float32Array[],
): Promise<void> {
  const fusedRan: boolean[] = [];
  const { cpu, wasm, native } = await kernelPaths(kernelName, () => shapes.flatMap((shape) => steps(shape, fusedRan)));
  t.true(fusedRan.length > 0);
  t.deepEqual(native, wasm);
  t.true(relativeError(native, cpu) <= 1e-5);
}
