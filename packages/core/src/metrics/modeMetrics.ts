import type { MixtureModes } from '../contracts/DataSource.js';
import type { Points } from './Points.js';

export interface ModeMetrics {
  /** Modes nearest to at least one high-quality sample (0..K). */
  readonly modesCovered: number;
  /** Fraction (0..1) of samples within 3 std (Euclidean) of their nearest mode centre. */
  readonly highQuality: number;
  /** KL(q || uniform) of the high-quality samples' mode histogram q, in nats (0..log K). */
  readonly reverseKl: number;
}

/**
 * Mode metrics on a Gaussian mixture (VEEGAN / PacGAN style): a sample is high quality
 * when its Euclidean distance to the nearest mode centre is at most 3 * std (a ball of
 * radius 3 std, not a per-coordinate box); a mode is covered when at least one
 * high-quality sample is nearest to it; reverseKl = sum_k q_k log(q_k K), with 0 log 0 = 0,
 * where q is the histogram of the high-quality samples over their nearest modes.
 * With no high-quality sample at all, reverseKl is log K: the value of a histogram on a
 * single mode, the largest KL(q || uniform) can be (so the key is always a finite number).
 */
export function modeMetrics(samples: Points, modes: MixtureModes): ModeMetrics {
  const k = modes.centres.length;
  if (k === 0) throw new RangeError('modeMetrics: the mixture has no centres');
  if (modes.centres.some((c) => c.length !== samples.dim)) {
    throw new RangeError(`modeMetrics: mode centres and samples differ in dimension (samples ${samples.dim})`);
  }
  if (samples.n === 0) throw new RangeError('modeMetrics: no samples');
  const radius2 = (3 * modes.std) ** 2;
  const counts = new Array<number>(k).fill(0);
  let good = 0;
  const { dim, data } = samples;
  for (let i = 0; i < samples.n; i++) {
    let best = Number.POSITIVE_INFINITY;
    let nearest = 0;
    modes.centres.forEach((centre, c) => {
      let d2 = 0;
      for (let j = 0; j < dim; j++) d2 += ((data[i * dim + j] ?? 0) - (centre[j] ?? 0)) ** 2;
      if (d2 < best) {
        best = d2;
        nearest = c;
      }
    });
    if (best <= radius2) {
      good++;
      counts[nearest] = (counts[nearest] ?? 0) + 1;
    }
  }
  const reverseKl =
    good === 0
      ? Math.log(k)
      : counts.reduce((sum, count) => (count === 0 ? sum : sum + (count / good) * Math.log((count / good) * k)), 0);
  return {
    modesCovered: counts.filter((count) => count > 0).length,
    highQuality: good / samples.n,
    reverseKl,
  };
}
