/**
 * Samples as a sample file holds them: `shape` is [n, ...sample shape], `data` the values
 * row-major (float32 as a generator makes them; a CSV read back in float64, which holds every
 * float32 written exactly).
 */
export interface SampleArray {
  readonly shape: readonly number[];
  readonly data: Float32Array | Float64Array;
}
