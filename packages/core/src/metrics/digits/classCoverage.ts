/** How a set of samples spreads over the classes a classifier assigns them. */
export interface ClassCoverage {
  /** Share of the samples assigned to each class (sums to 1). */
  readonly shares: readonly number[];
  /** Classes holding at least `minShare` of the samples. */
  readonly covered: number;
  /** KL(shares || uniform) = sum_c p_c log(K p_c), nats: 0 when even, log K when all in one class. */
  readonly klToUniform: number;
  readonly largestShare: number;
}

/**
 * The class histogram of `labels` (each in 0..classes-1) and what E5 reads from it: a class
 * counts as covered when it holds at least `minShare` of the samples (so that a few
 * misclassified blobs do not make a class "covered").
 */
export function classCoverage(labels: ArrayLike<number>, classes: number, minShare: number): ClassCoverage {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? -1;
    if (!Number.isInteger(label) || label < 0 || label >= classes)
      throw new RangeError(`classCoverage: label ${String(label)} is not a class of 0..${String(classes - 1)}`);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  const shares = counts.map((c) => c / labels.length);
  return {
    shares,
    covered: shares.filter((p) => p > 0 && p >= minShare).length,
    klToUniform: shares.reduce((sum, p) => (p > 0 ? sum + p * Math.log(classes * p) : sum), 0),
    largestShare: Math.max(...shares),
  };
}
