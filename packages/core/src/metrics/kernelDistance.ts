import type { Points } from './Points.js';

/**
 * The kernel distance behind KID (Binkowski et al. 2018, "Demystifying MMD GANs", Section 4):
 * the unbiased (U-statistic) MMD^2 between `a` and `b` under the cubic polynomial kernel
 * k(x, y) = (x . y / dim + 1)^3, which needs no bandwidth. In a classifier's feature space it
 * is KID; it is unbiased, so unlike the Frechet distance its expectation does not depend on n,
 * and it can be slightly negative when the distributions agree. O((n + m)^2 dim).
 */
export function kernelDistance(a: Points, b: Points): number {
  if (a.dim !== b.dim) throw new RangeError(`kernelDistance: dimensions differ (${String(a.dim)} vs ${String(b.dim)})`);
  if (a.n < 2 || b.n < 2)
    throw new RangeError(
      `kernelDistance: the unbiased estimate needs 2+ points per set (${String(a.n)}, ${String(b.n)})`,
    );
  const { dim } = a;
  const kernel = (p: Points, i: number, q: Points, j: number): number => {
    let dot = 0;
    for (let k = 0; k < dim; k++) dot += (p.data[i * dim + k] ?? 0) * (q.data[j * dim + k] ?? 0);
    return (dot / dim + 1) ** 3;
  };
  // Within-set sums run over i < j and count twice.
  const within = (p: Points): number => {
    let sum = 0;
    for (let i = 0; i < p.n; i++) for (let j = i + 1; j < p.n; j++) sum += kernel(p, i, p, j);
    return (2 * sum) / (p.n * (p.n - 1));
  };
  let cross = 0;
  for (let i = 0; i < a.n; i++) for (let j = 0; j < b.n; j++) cross += kernel(a, i, b, j);
  return within(a) + within(b) - (2 * cross) / (a.n * b.n);
}
