import type { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';

/**
 * n samples of the given shape as one float32 tensor [n, ...shape], built in JS so that
 * every draw comes from `rng` in a fixed order (sample 0 first) whatever the backend.
 * `fill` writes one sample at `offset` into `out`.
 */
export function drawSamples(
  n: number,
  shape: readonly number[],
  rng: Rng,
  fill: (out: Float32Array, offset: number, rng: Rng) => void,
): tf.Tensor {
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`sample(n): n must be a non-negative integer, got ${n}`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n * size);
  for (let i = 0; i < n; i++) fill(out, i * size, rng);
  return tf.tensor(out, [n, ...shape], 'float32');
}
