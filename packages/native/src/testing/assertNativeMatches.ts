import type { ExecutionContext } from 'ava';
import { type PathResults, relativeError } from './kernelPaths.js';

/**
 * Asserts that each native result is within `tolerance` relative error (kernelPaths'
 * relativeError) of wasm's and of cpu's result of the same index; `label(i)` names the case
 * in a failure message ("<label> vs wasm", "<label> vs cpu").
 */
export function assertNativeMatches(
  t: ExecutionContext,
  { cpu, wasm, native }: PathResults,
  tolerance: number,
  label: (i: number) => string,
): void {
  native.forEach((result, i) => {
    t.true(relativeError([result], [wasm[i] ?? new Float32Array()]) <= tolerance, `${label(i)} vs wasm`);
    t.true(relativeError([result], [cpu[i] ?? new Float32Array()]) <= tolerance, `${label(i)} vs cpu`);
  });
}
