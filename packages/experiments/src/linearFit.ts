/** Least-squares line y = slope x + intercept through (x_i, y_i), and its R^2 (1 when y is exactly linear). */
export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  readonly r2: number;
}

export function linearFit(x: readonly number[], y: readonly number[]): LinearFit {
  const n = x.length;
  if (n < 2 || y.length !== n)
    throw new Error(`linearFit needs two equal-length series of >= 2 points, got ${n} and ${y.length}`);
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const residual = syy - slope * sxy;
  return { slope, intercept, r2: syy === 0 ? 1 : 1 - residual / syy };
}
