import { resolve } from 'node:path';
import { Rng } from '@ipmgan/core';
import {
  EXACT_W1_MAX_POINTS,
  exactW1,
  medianBandwidth,
  mmd2,
  readSampleFile,
  slicedW1,
  type Points,
  type SampleArray,
} from '@ipmgan/core/engine';
import { CliError } from '../CliError.js';

export interface DistanceOptions {
  readonly metric: string;
  readonly projections: number;
  readonly seed: number;
  readonly bandwidth: readonly number[];
}

export const DISTANCE_METRICS = ['w1', 'sliced-w1', 'mmd'];

/** Samples as points: each sample flattened ([n, 28, 28, 1] -> dimension 784). */
function pointsOf({ shape, data }: SampleArray): Points {
  const n = shape[0] ?? 0;
  return { n, dim: n === 0 ? 0 : data.length / n, data };
}

function pooled(a: Points, b: Points): Points {
  const data = new Float64Array(a.data.length + b.data.length);
  data.set(a.data);
  data.set(b.data, a.data.length);
  return { n: a.n + b.n, dim: a.dim, data };
}

/**
 * `ipmgan distance A B`: a distance between two sample files (.csv or .npy).
 * w1: exact W1 of the empirical measures (optimal assignment; unequal sizes n, m are solved
 * exactly on lcm(n, m) copies, refused past 4096); sliced-w1: mean 1-D W1 over random
 * directions; mmd: unbiased MMD^2 with Gaussian bandwidths (default: the median pairwise
 * distance of A and B pooled).
 */
export function distance(first: string, second: string, options: DistanceOptions, cwd: string): void {
  if (!DISTANCE_METRICS.includes(options.metric))
    throw new CliError(`--metric: expected one of ${DISTANCE_METRICS.join(', ')}, got "${options.metric}"`);
  const a = pointsOf(readSampleFile(resolve(cwd, first)));
  const b = pointsOf(readSampleFile(resolve(cwd, second)));
  if (a.dim !== b.dim)
    throw new CliError(
      `distance: ${first} has samples of dimension ${String(a.dim)}, ${second} of dimension ${String(b.dim)}`,
    );
  let value: number;
  if (options.metric === 'w1') {
    try {
      value = exactW1(a, b);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new CliError(
        `distance: exact w1 of ${String(a.n)} and ${String(b.n)} samples needs lcm(${String(a.n)}, ${String(b.n)}) > ${String(EXACT_W1_MAX_POINTS)} copies; use equal sizes or --metric sliced-w1`,
      );
    }
  } else if (options.metric === 'sliced-w1') {
    value = slicedW1(a, b, { projections: options.projections, rng: new Rng(options.seed) });
  } else {
    // The median heuristic keeps all (n + m)^2 / 2 distances: refused past the bound before allocating.
    if (options.bandwidth.length === 0 && a.n + b.n > 2 * EXACT_W1_MAX_POINTS)
      throw new CliError(
        `--bandwidth: ${String(a.n + b.n)} samples pooled; the median bandwidth is computed for at most ${String(2 * EXACT_W1_MAX_POINTS)}: give --bandwidth`,
      );
    const bandwidths = options.bandwidth.length > 0 ? options.bandwidth : [medianBandwidth(pooled(a, b))];
    value = mmd2(a, b, bandwidths);
  }
  process.stdout.write(`${String(value)}\n`);
}
