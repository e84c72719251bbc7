/** The mean and covariance of a set of feature vectors. */
export interface FeatureMoments {
  readonly dimension: number;
  /** [d] */
  readonly mean: Float64Array;
  /** [d, d] row-major, unbiased (divided by n - 1). */
  readonly covariance: Float64Array;
}

/** The moments of n feature vectors, `rows` [n, d] row-major. */
export function featureMoments(rows: Float32Array | Float64Array, dimension: number): FeatureMoments {
  const d = dimension;
  const n = rows.length / d;
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`featureMoments: ${String(rows.length)} values are not n >= 2 rows of ${String(d)}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = (mean[j] ?? 0) + (rows[i * d + j] ?? 0) / n;
  const covariance = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) centred[j] = (rows[i * d + j] ?? 0) - (mean[j] ?? 0);
    for (let j = 0; j < d; j++) {
      const cj = centred[j] ?? 0;
      for (let k = j; k < d; k++) covariance[j * d + k] = (covariance[j * d + k] ?? 0) + cj * (centred[k] ?? 0);
    }
  }
  for (let j = 0; j < d; j++)
    for (let k = j; k < d; k++) {
      const c = (covariance[j * d + k] ?? 0) / (n - 1);
      covariance[j * d + k] = c;
      covariance[k * d + j] = c;
    }
  return { dimension: d, mean, covariance };
}

/**
 * Eigenvalues and eigenvectors of a symmetric [d, d] matrix by cyclic Jacobi rotations
 * (Golub and Van Loan, Section 8.5); vectors are the columns of the returned [d, d].
 */
function symmetricEigen(matrix: Float64Array, d: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  const at = (i: number, j: number): number => a[i * d + j] ?? 0;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diagonal = 0;
    for (let i = 0; i < d; i++) {
      diagonal += at(i, i) ** 2;
      for (let j = i + 1; j < d; j++) off += at(i, j) ** 2;
    }
    if (off <= 1e-30 * diagonal || off === 0) break;
    for (let p = 0; p < d; p++)
      for (let q = p + 1; q < d; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        // The rotation that zeroes a[p][q]: t = tan(theta), the smaller root of t^2 + 2 tau t - 1 = 0.
        const tau = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p] ?? 0;
          const vkq = v[k * d + q] ?? 0;
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
  }
  const values = new Float64Array(d);
  for (let i = 0; i < d; i++) values[i] = at(i, i);
  return { values, vectors: v };
}

/** The product of two [d, d] matrices. */
function multiply(x: Float64Array, y: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let k = 0; k < d; k++) {
      const xik = x[i * d + k] ?? 0;
      if (xik === 0) continue;
      for (let j = 0; j < d; j++) out[i * d + j] = (out[i * d + j] ?? 0) + xik * (y[k * d + j] ?? 0);
    }
  return out;
}

/**
 * The Frechet distance between the Gaussians of two sets of moments (Heusel et al. 2017, the
 * FID's formula): ||mu_a - mu_b||^2 + Tr(S_a + S_b - 2 (S_a S_b)^(1/2)). Tr (S_a S_b)^(1/2) is
 * taken as the sum of the square roots of the eigenvalues of the symmetric S_a^(1/2) S_b S_a^(1/2),
 * which has the same eigenvalues; eigenvalues below 0 (rounding) count as 0.
 */
export function frechetDistance(a: FeatureMoments, b: FeatureMoments): number {
  const d = a.dimension;
  if (b.dimension !== d) throw new RangeError(`frechetDistance: dimensions ${String(d)} and ${String(b.dimension)}`);
  let meanTerm = 0;
  for (let j = 0; j < d; j++) meanTerm += ((a.mean[j] ?? 0) - (b.mean[j] ?? 0)) ** 2;
  let traces = 0;
  for (let j = 0; j < d; j++) traces += (a.covariance[j * d + j] ?? 0) + (b.covariance[j * d + j] ?? 0);
  // S_a^(1/2) = V diag(sqrt(lambda)) V^T
  const { values, vectors } = symmetricEigen(a.covariance, d);
  const root = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let k = 0; k < d; k++)
        sum += (vectors[i * d + k] ?? 0) * Math.sqrt(Math.max(0, values[k] ?? 0)) * (vectors[j * d + k] ?? 0);
      root[i * d + j] = sum;
    }
  const inner = multiply(multiply(root, b.covariance, d), root, d);
  // Symmetrise what rounding left uneven before the symmetric eigensolver.
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++) {
      const m = ((inner[i * d + j] ?? 0) + (inner[j * d + i] ?? 0)) / 2;
      inner[i * d + j] = m;
      inner[j * d + i] = m;
    }
  const traceRoot = symmetricEigen(inner, d).values.reduce((sum, l) => sum + Math.sqrt(Math.max(0, l)), 0);
  return meanTerm + traces - 2 * traceRoot;
}
