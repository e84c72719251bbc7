import type { Points } from './Points.js';
import { squaredDistance } from './squaredDistance.js';

/** Fidelity and diversity of generated samples against real ones, from k-nearest-neighbour balls. */
export interface PrecisionRecall {
  /** Share of generated samples inside some real sample's ball (Kynkaanniemi et al. 2019). */
  readonly precision: number;
  /** Share of real samples inside some generated sample's ball (Kynkaanniemi et al. 2019). */
  readonly recall: number;
  /** Real balls holding each generated sample, averaged and divided by k (Naeem et al. 2020): 1 on average for equal distributions. */
  readonly density: number;
  /** Share of real samples whose own ball holds some generated sample (Naeem et al. 2020). */
  readonly coverage: number;
}

/** The distance from each point to its k-th nearest other point of the same set. */
function kthNeighbourRadii(p: Points, k: number): Float64Array {
  const radii = new Float64Array(p.n);
  const row = new Float64Array(p.n - 1);
  for (let i = 0; i < p.n; i++) {
    let at = 0;
    for (let j = 0; j < p.n; j++) if (j !== i) row[at++] = squaredDistance(p, i, p, j);
    row.sort();
    radii[i] = Math.sqrt(row[k - 1] ?? 0);
  }
  return radii;
}

/**
 * Precision, recall, density and coverage of `fake` against `real` with k-nearest-neighbour
 * balls (Kynkaanniemi et al. 2019; Naeem et al. 2020): the ball of a point has the radius of
 * its k-th nearest neighbour in its own set, and a point is inside when strictly closer than
 * the radius, as in Naeem et al.'s reference code (the `prdc` package). Euclidean distances
 * in whatever space the points live in: raw data here, a classifier's features for images.
 * O((n + m)^2 dim).
 */
export function precisionRecall(real: Points, fake: Points, k: number): PrecisionRecall {
  if (real.dim !== fake.dim)
    throw new RangeError(`precisionRecall: dimensions differ (${String(real.dim)} vs ${String(fake.dim)})`);
  if (!Number.isInteger(k) || k < 1 || k >= real.n || k >= fake.n)
    throw new RangeError(
      `precisionRecall: k = ${String(k)} needs more than k points per set (${String(real.n)}, ${String(fake.n)})`,
    );
  const realRadii = kthNeighbourRadii(real, k);
  const fakeRadii = kthNeighbourRadii(fake, k);
  let precise = 0;
  let inside = 0;
  const recalled = new Uint8Array(real.n);
  const covered = new Uint8Array(real.n);
  for (let j = 0; j < fake.n; j++) {
    let inSome = false;
    for (let i = 0; i < real.n; i++) {
      const d = Math.sqrt(squaredDistance(fake, j, real, i));
      if (d < (realRadii[i] ?? 0)) {
        inSome = true;
        inside++;
        covered[i] = 1;
      }
      if (d < (fakeRadii[j] ?? 0)) recalled[i] = 1;
    }
    if (inSome) precise++;
  }
  const share = (flags: Uint8Array): number => flags.reduce((sum, f) => sum + f, 0) / flags.length;
  return {
    precision: precise / fake.n,
    recall: share(recalled),
    density: inside / (k * fake.n),
    coverage: share(covered),
  };
}
