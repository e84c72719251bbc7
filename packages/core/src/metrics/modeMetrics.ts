import type { MixtureModes } from '../contracts/DataSource.js';
import type { Points } from './Points.js';

export interface ModeMetrics {
  /** Modes nearest to at least one high-quality sample (0..K). */
  readonly modesCovered: number;
  /** Fraction (0..1) of samples within 3 std (Euclidean) of their nearest mode centre. */
  readonly highQuality: number;
  /** KL(q || uniform) of the high-quality samples' mode histogram q, in nats (0..log K). */
  readonly reverseKl: number;
  /**
   * KL(p || uniform) of the mode histogram p of ALL samples, each counted at its nearest mode
   * however far it lies, in nats (0..log K): where the generator puts its mass, sharp or not.
   */
  readonly massKl: number;
  /** The largest share max_k p_k of all samples nearest one mode (1/K..1): 1 when every sample is nearest one mode. */
  readonly largestShare: number;
}

/** KL(histogram || uniform over counts.length bins) of counts summing to total > 0, with 0 log 0 = 0. */
function klToUniform(counts: readonly number[], total: number): number {
  return counts.reduce(
    (sum, count) => (count === 0 ? sum : sum + (count / total) * Math.log((count / total) * counts.length)),
    0,
  );
}

/**
 * Mode metrics on a Gaussian mixture (VEEGAN / PacGAN style): a sample is high quality
 * when its Euclidean distance to the nearest mode centre is at most 3 * std (a ball of
 * radius 3 std, not a per-coordinate box); a mode is covered when at least one
 * high-quality sample is nearest to it; reverseKl = sum_k q_k log(q_k K), with 0 log 0 = 0,
 * where q is the histogram of the high-quality samples over their nearest modes.
 * With no high-quality sample at all, reverseKl is log K: the value of a histogram on a
 * single mode, the largest KL(q || uniform) can be (so the key is always a finite number).
 *
 * massKl and largestShare measure collapse by mass, on every sample: p is the histogram of
 * all samples over their nearest modes (no quality cut), massKl = KL(p || uniform) and
 * largestShare = max_k p_k. A generator that spreads its mass evenly around a ring without
 * being sharp yet has massKl near 0 whatever its share of high-quality samples;
 * one that collapses onto two modes has massKl near log(K/2) however sharp it is.
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
  const mass = new Array<number>(k).fill(0);
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
    mass[nearest] = (mass[nearest] ?? 0) + 1;
    if (best <= radius2) {
      good++;
      counts[nearest] = (counts[nearest] ?? 0) + 1;
    }
  }
  return {
    modesCovered: counts.filter((count) => count > 0).length,
    highQuality: good / samples.n,
    reverseKl: good === 0 ? Math.log(k) : klToUniform(counts, good),
    massKl: klToUniform(mass, samples.n),
    largestShare: Math.max(...mass) / samples.n,
  };
}
