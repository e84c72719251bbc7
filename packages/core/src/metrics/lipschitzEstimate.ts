import type { Critic } from '../contracts/Critic.js';
import type { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';

/**
 * An empirical Lipschitz constant of the critic's score f: K = the largest ||grad_x f(x)||_2
 * over the real points, the generated points and one random interpolate
 * eps_i real_i + (1 - eps_i) fake_i per pair (eps_i = rng.uniform(), drawn in sample order,
 * as WGAN-GP samples its penalty points). The critic runs in inference mode
 * (`evaluate(x, false)`), so samples do not interact and the gradient of the summed score is
 * the per-sample gradient. A lower bound on the true constant; 0 for a constant critic.
 */
export function lipschitzEstimate(critic: Critic, real: tf.Tensor, fake: tf.Tensor, rng: Rng): number {
  if (real.shape.join(',') !== fake.shape.join(',')) {
    throw new RangeError(
      `lipschitzEstimate: real [${real.shape.join(', ')}] and fake [${fake.shape.join(', ')}] differ`,
    );
  }
  const [n = 0, ...sampleShape] = real.shape;
  if (n === 0) throw new RangeError('lipschitzEstimate: no samples');
  const eps = Float32Array.from({ length: n }, () => rng.uniform());
  const norms = tf.tidy(() => {
    const e = tf.tensor(eps, [n, ...sampleShape.map(() => 1)]); // [n, 1, ...]
    const between = tf.add(tf.mul(e, real), tf.mul(tf.sub(1, e), fake)); // [n, ...sampleShape]
    const x = tf.concat([real, fake, between], 0); // [3n, ...sampleShape]
    const gradient = tf.grad((input: tf.Tensor) => tf.sum(critic.evaluate(input, false).score))(x);
    return tf.norm(tf.reshape(gradient, [3 * n, -1]), 'euclidean', 1); // [3n]
  });
  const values = Array.from(norms.dataSync());
  norms.dispose();
  return values.reduce((max, v) => Math.max(max, v), 0);
}
