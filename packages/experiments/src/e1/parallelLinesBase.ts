import type { RunBase } from '../resolveEntry.js';

/**
 * The run base of Example 1: real data on the line x = 0 (parallel-lines, offset 0) and the
 * generator g_theta(z) = (theta, z), z ~ U[0, 1] (parallel-line, theta trainable) at `theta`.
 */
export function parallelLinesBase(
  base: Omit<RunBase, 'generator' | 'data' | 'iterations' | 'logEvery'>,
  theta: number,
  iterations: number,
  logEvery: number,
): RunBase {
  return {
    ...base,
    data: { name: 'parallel-lines', options: { offset: 0 } },
    generator: {
      noise: { distribution: 'uniform', dimension: 1 },
      network: { name: 'parallel-line', options: { theta } },
    },
    iterations,
    logEvery,
  };
}
