import type { MixtureModes } from '../contracts/DataSource.js';
import type { Rng } from '../random/Rng.js';
import { exactW1 } from './exactW1.js';
import { mmd2 } from './mmd2.js';
import { modeMetrics } from './modeMetrics.js';
import type { Points } from './Points.js';
import { precisionRecall } from './precisionRecall.js';
import { slicedW1 } from './slicedW1.js';

export interface EvaluateSamplesOptions {
  /** Random directions for slicedW1. */
  readonly projections: number;
  /** Gaussian kernel bandwidths s (lengths) for mmd2. */
  readonly bandwidths: readonly number[];
  /** Draws slicedW1's directions. */
  readonly rng: Rng;
  /** Mixture centres and std: adds modesCovered, highQuality, reverseKl, massKl and largestShare of `generated`. */
  readonly modes?: MixtureModes;
}

/** Neighbours that set the ball radii of precision, recall, density and coverage: Naeem et al. 2020's choice. */
const NEIGHBOURS = 5;

/**
 * The sample-quality metrics of generated against real samples, keyed as in metrics.jsonl's
 * `evaluation`: w1 (exactW1), slicedW1, mmd2 (unbiased, fixed kernel), precision, recall,
 * density and coverage (precisionRecall with k = 5, in the data's own space; with fewer than
 * 6 samples per set they are left out), and with `modes` modesCovered, highQuality,
 * reverseKl, massKl and largestShare (modeMetrics of the generated samples).
 */
export function evaluateSamples(
  generated: Points,
  real: Points,
  options: EvaluateSamplesOptions,
): Record<string, number> {
  const metrics: Record<string, number> = {
    w1: exactW1(generated, real),
    slicedW1: slicedW1(generated, real, { projections: options.projections, rng: options.rng }),
    mmd2: mmd2(generated, real, options.bandwidths),
    ...(generated.n > NEIGHBOURS && real.n > NEIGHBOURS ? precisionRecall(real, generated, NEIGHBOURS) : {}),
  };
  return options.modes ? { ...metrics, ...modeMetrics(generated, options.modes) } : metrics;
}
