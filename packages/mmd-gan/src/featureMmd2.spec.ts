import { tf } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import { assertClose, readNumber } from '@ipmgan/core/testing';
import { mmdEstimators } from '@ipmgan/mmd';
import test from 'ava';
import { featureMmd2, kernelMinusCount } from './featureMmd2.js';

test.before(async () => {
  await useBackend('cpu');
});

// x = {0, 1}, y = {0, 2}, s = 1 (as in @ipmgan/mmd's estimator spec): a = k(0, 1) = e^{-1/2},
// b = k(0, 2) = e^{-2}; biased MMD^2 = (1 - a)/2, unbiased (b - 1)/2.
const x = (): tf.Tensor2D => tf.tensor2d([[0], [1]]);
const y = (): tf.Tensor2D => tf.tensor2d([[0], [2]]);
const a = Math.exp(-1 / 2);
const b = Math.exp(-2);

test('k - S = sum_s expm1(-d^2 / (2 s^2)): d^2 = (0, 2), s = (1, 2)', (t) => {
  const k = kernelMinusCount(tf.tensor1d([0, 2]), [1, 2]);
  const values = Array.from(k.dataSync());
  k.dispose();
  assertClose(t, values[0] ?? Number.NaN, 0, 1e-7);
  assertClose(t, values[1] ?? Number.NaN, Math.exp(-1) - 1 + Math.exp(-1 / 4) - 1, 1e-6);
});

test('biased (1 - e^{-1/2})/2 and unbiased (e^{-2} - 1)/2 by hand, equal to @ipmgan/mmd at this scale', (t) => {
  assertClose(t, readNumber(featureMmd2.biased(x(), y(), [1])), (1 - a) / 2, 1e-6);
  assertClose(t, readNumber(featureMmd2.unbiased(x(), y(), [1])), (b - 1) / 2, 1e-6);
  for (const estimator of ['biased', 'unbiased'] as const)
    assertClose(
      t,
      readNumber(featureMmd2[estimator](x(), y(), [1, 2, 4])),
      readNumber(mmdEstimators[estimator](x(), y(), [1, 2, 4])),
      1e-6,
    );
});

test('features 1e-4 apart: (1 - e^{-eps^2/2})/2 ~ eps^2/4 = 2.5e-9 to 1e-3 relative, where exp rounds it to 0', (t) => {
  const eps = 1e-4;
  const small = (v: tf.Tensor2D) => tf.mul<tf.Tensor2D>(v, eps);
  const expected = -Math.expm1(-(eps * eps) / 2) / 2;
  const value = readNumber(featureMmd2.biased(small(x()), small(y()), [1]));
  assertClose(t, value, expected, 1e-3 * expected);
  // The plain kernel mixture loses it: 1 - 5e-9 is 1 in float32.
  t.is(readNumber(mmdEstimators.biased(small(x()), small(y()), [1])), 0);
});

test('a batch against itself: the biased estimate is exactly 0', (t) => {
  const z = tf.randomNormal<tf.Rank.R2>([16, 4], 0, 1e-3, 'float32', 5);
  t.is(readNumber(featureMmd2.biased(z, z, [1, 2, 4, 8, 16])), 0);
  z.dispose();
});

test('the unbiased estimator refuses one sample per side; no tensor is left behind', (t) => {
  t.throws(() => featureMmd2.unbiased(tf.tensor2d([[0]]), tf.tensor2d([[1]]), [1]), { message: /at least two/ });
  const [p, q] = [x(), y()];
  const before = tf.memory().numTensors;
  featureMmd2.biased(p, q, [1, 2]).dispose();
  featureMmd2.unbiased(p, q, [1, 2]).dispose();
  t.is(tf.memory().numTensors, before);
});
