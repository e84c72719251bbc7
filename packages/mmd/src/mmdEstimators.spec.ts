import { tf } from '@ipmgan/core';
import test from 'ava';
import { mmdEstimators } from './mmdEstimators.js';
import { assertClose, readNumber } from '@ipmgan/core/testing';

test.before(async () => {
  await tf.setBackend('cpu');
});

// X = {0, 1}, Y = {0, 2} in 1-D, one bandwidth s = 1: k(a, b) = exp(-(a - b)^2 / 2).
const X = (): tf.Tensor2D => tf.tensor2d([[0], [1]]);
const Y = (): tf.Tensor2D => tf.tensor2d([[0], [2]]);
const a = Math.exp(-1 / 2); // k(0, 1) and k(1, 2)
const b = Math.exp(-4 / 2); // k(0, 2)

test('biased MMD^2 on two-point sets: (1 - e^{-1/2}) / 2', (t) => {
  // Kxx = [[1, a], [a, 1]], Kyy = [[1, b], [b, 1]], Kxy = [[k(0,0), k(0,2)], [k(1,0), k(1,2)]] = [[1, b], [a, a]]
  const kxx = (1 + a + a + 1) / 4;
  const kyy = (1 + b + b + 1) / 4;
  const kxy = (1 + b + a + a) / 4;
  assertClose(t, readNumber(mmdEstimators.biased(X(), Y(), [1])), kxx + kyy - 2 * kxy);
  assertClose(t, kxx + kyy - 2 * kxy, (1 - a) / 2, 1e-12);
});

test('unbiased MMD^2 on two-point sets: (e^{-2} - 1) / 2, negative', (t) => {
  // The within-set means drop i = j: one pair each, k(0, 1) = a and k(0, 2) = b.
  const expected = a + b - (2 * (1 + b + a + a)) / 4;
  assertClose(t, readNumber(mmdEstimators.unbiased(X(), Y(), [1])), expected);
  assertClose(t, expected, (b - 1) / 2, 1e-12);
});

test('two bandwidths add: MMD^2 under s = (1, 2) is MMD^2 under 1 plus MMD^2 under 2', (t) => {
  for (const estimator of ['biased', 'unbiased', 'linear'] as const) {
    const both = readNumber(mmdEstimators[estimator](X(), Y(), [1, 2]));
    const one = readNumber(mmdEstimators[estimator](X(), Y(), [1]));
    const two = readNumber(mmdEstimators[estimator](X(), Y(), [2]));
    assertClose(t, both, one + two, 1e-6);
  }
});

test('linear-time MMD^2 on four points (one pair of pairs), by hand', (t) => {
  // x = (x1, x2) = (0, 1), y = (y1, y2) = (2, 4), s = 1:
  // h = k(x1, x2) + k(y1, y2) - k(x1, y2) - k(x2, y1) = e^{-1/2} + e^{-2} - e^{-8} - e^{-1/2}
  const h = Math.exp(-1 / 2) + Math.exp(-4 / 2) - Math.exp(-16 / 2) - Math.exp(-1 / 2);
  assertClose(t, readNumber(mmdEstimators.linear(tf.tensor2d([[0], [1]]), tf.tensor2d([[2], [4]]), [1])), h);
});

test('linear-time MMD^2 averages consecutive disjoint pairs and drops an odd last row', (t) => {
  // Pair 1 as above; pair 2: x = (0, 2), y = (5, 5):
  // h2 = k(0, 2) + k(5, 5) - k(0, 5) - k(2, 5) = e^{-2} + 1 - e^{-12.5} - e^{-4.5}
  const h1 = Math.exp(-4 / 2) - Math.exp(-16 / 2);
  const h2 = Math.exp(-4 / 2) + 1 - Math.exp(-25 / 2) - Math.exp(-9 / 2);
  const x = tf.tensor2d([[0], [1], [0], [2], [100]]);
  const y = tf.tensor2d([[2], [4], [5], [5], [-100]]);
  assertClose(t, readNumber(mmdEstimators.linear(x, y, [1])), (h1 + h2) / 2);
});

test('the biased estimator of a set against itself is exactly 0', (t) => {
  const x = tf.randomNormal<tf.Rank.R2>([16, 3], 0, 1, 'float32', 7);
  t.is(readNumber(mmdEstimators.biased(x, x, [0.5, 1, 2])), 0);
  t.is(readNumber(mmdEstimators.biased(x, x.clone(), [0.5, 1, 2])), 0);
});

test('over many draws from one distribution the unbiased and linear means are 0, the biased one is not', (t) => {
  // 400 draws of x, y ~ N(0, I_2), n = 8 each, s = 1. The two-sided tolerance is 3 standard
  // errors of the mean (sample std / sqrt(400)). The biased estimator's mean is
  // 2 (k(x, x) - E k(x, x')) / n = 2 (1 - 1/3) / 8 = 1/6, since x - x' ~ N(0, 2 I_2) gives
  // E exp(-||x - x'||^2 / 2) = (1 + 2)^{-2/2} = 1/3.
  const draws = 400;
  const n = 8;
  const all = tf.randomNormal<tf.Rank.R3>([draws, 2 * n, 2], 0, 1, 'float32', 11);
  const results: Record<'biased' | 'unbiased' | 'linear', number[]> = { biased: [], unbiased: [], linear: [] };
  for (let i = 0; i < draws; i++) {
    tf.tidy(() => {
      const draw = tf.reshape<tf.Rank.R2>(tf.slice(all, [i, 0, 0], [1, 2 * n, 2]), [2 * n, 2]);
      const x = tf.slice(draw, [0, 0], [n, 2]);
      const y = tf.slice(draw, [n, 0], [n, 2]);
      for (const estimator of ['biased', 'unbiased', 'linear'] as const)
        results[estimator].push(mmdEstimators[estimator](x, y, [1]).dataSync()[0] ?? NaN);
    });
  }
  all.dispose();
  const stats = (values: readonly number[]) => {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
    return { mean, se: Math.sqrt(variance / values.length) };
  };
  const unbiased = stats(results.unbiased);
  const linear = stats(results.linear);
  const biased = stats(results.biased);
  t.log(`means (se): unbiased ${unbiased.mean.toExponential(2)} (${unbiased.se.toExponential(2)}),`);
  t.log(
    `linear ${linear.mean.toExponential(2)} (${linear.se.toExponential(2)}), biased ${biased.mean.toFixed(4)} (${biased.se.toExponential(2)})`,
  );
  t.true(unbiased.se > 0 && unbiased.se < 0.01, `unbiased se ${unbiased.se}`);
  assertClose(t, unbiased.mean, 0, 3 * unbiased.se);
  assertClose(t, linear.mean, 0, 3 * linear.se);
  assertClose(t, biased.mean, (2 * (1 - 1 / 3)) / n, 3 * biased.se);
  t.true(biased.mean > 10 * biased.se, 'the biased mean is far from 0, so the zero-mean check can fail');
});

test('too few samples are refused with a message', (t) => {
  t.throws(() => mmdEstimators.unbiased(tf.tensor2d([[0]]), tf.tensor2d([[1]]), [1]), { message: /at least two/ });
  t.throws(() => mmdEstimators.linear(tf.tensor2d([[0]]), tf.tensor2d([[1]]), [1]), { message: /at least two/ });
});

test('no tensor is left behind', (t) => {
  const x = X();
  const y = Y();
  const before = tf.memory().numTensors;
  for (const estimator of ['biased', 'unbiased', 'linear'] as const) mmdEstimators[estimator](x, y, [1, 2]).dispose();
  t.is(tf.memory().numTensors, before);
});
