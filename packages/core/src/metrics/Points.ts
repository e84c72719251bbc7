/**
 * A set of n points in R^dim, row-major: point i is data[i * dim .. (i + 1) * dim).
 * One flat typed array is the cheapest form for n = 1024 (no per-row objects) and is what
 * tf's dataSync and parseNpy return; images are flattened ([n, 28, 28, 1] -> dim 784).
 */
export interface Points {
  readonly n: number;
  readonly dim: number;
  readonly data: Float32Array | Float64Array;
}
