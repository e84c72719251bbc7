import type { Critic } from '../contracts/Critic.js';
import { scoreOf } from '../contracts/scoreOf.js';
import { inputGradient } from '../players/inputGradient.js';
import type { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';

/**
 * An empirical Lipschitz constant of a function f of x, one value per row: a critic's score
 * (`evaluate(x, false).score`) or an objective's witness (witnessOf). K = the largest ||grad_x f(x)||_2
 * over the real points, the generated points and one random interpolate
 * eps_i real_i + (1 - eps_i) fake_i per pair (eps_i = rng.uniform(), drawn in sample order,
 * as WGAN-GP samples its penalty points). f must treat rows independently (a critic in inference
 * mode does), so that the gradient of the summed values is the per-sample gradient. A lower
 * bound on the true constant; 0 for a constant critic.
 */
export function lipschitzEstimate(
  f: Critic | ((x: tf.Tensor) => tf.Tensor1D),
  real: tf.Tensor,
  fake: tf.Tensor,
  rng: Rng,
): number {
  if (real.shape.join(',') !== fake.shape.join(',')) {
    throw new RangeError(
      `lipschitzEstimate: real [${real.shape.join(', ')}] and fake [${fake.shape.join(', ')}] differ`,
    );
  }
  const [n = 0, ...sampleShape] = real.shape;
  if (n === 0) throw new RangeError('lipschitzEstimate: no samples');
  const values = typeof f === 'function' ? f : (x: tf.Tensor) => scoreOf(f.evaluate(x, false), 'lipschitzEstimate');
  const eps = Float32Array.from({ length: n }, () => rng.uniform());
  const norms = tf.tidy(() => {
    const e = tf.tensor(eps, [n, ...sampleShape.map(() => 1)]); // [n, 1, ...]
    const between = tf.add(tf.mul(e, real), tf.mul(tf.sub(1, e), fake)); // [n, ...sampleShape]
    const x = tf.concat([real, fake, between], 0); // [3n, ...sampleShape]
    const gradient = inputGradient(values, x); // [3n, ...sampleShape]
    return tf.norm(tf.reshape(gradient, [3 * n, -1]), 'euclidean', 1); // [3n]
  });
  const largest = Array.from(norms.dataSync()).reduce((max, v) => Math.max(max, v), 0);
  norms.dispose();
  return largest;
}
