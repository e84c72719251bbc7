import { tf } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import { assertClose, readNumbers } from '@ipmgan/core/testing';
import { mmdEstimators } from '@ipmgan/mmd';
import test from 'ava';
import { kernelWitness } from './kernelWitness.js';

test.before(async () => {
  await useBackend('cpu');
});

// 1-D features: real {0, 1}, fake {2}; one bandwidth s = 1, so k(a, b) = exp(-(a - b)^2 / 2).
const real = (): tf.Tensor2D => tf.tensor2d([[0], [1]]);
const fake = (): tf.Tensor2D => tf.tensor2d([[2]]);

test('w(h) = mean k(h, real) - mean k(h, fake), by hand at h = 0, 1, 2', (t) => {
  const w = readNumbers(kernelWitness(tf.tensor2d([[0], [1], [2]]), real(), fake(), [1]));
  const k = (d: number) => Math.exp(-(d * d) / 2);
  const expected = [(k(0) + k(1)) / 2 - k(2), (k(1) + k(0)) / 2 - k(1), (k(2) + k(1)) / 2 - k(0)];
  t.is(w.length, 3);
  expected.forEach((e, i) => {
    assertClose(t, w[i] ?? Number.NaN, e, 1e-6);
  });
});

test("the witness's mean over real minus its mean over fake is the biased MMD^2, for a 2-bandwidth mixture in 3-D", (t) => {
  const r = tf.tensor2d([
    [0, 1, 2],
    [1, -1, 0],
    [0.5, 0.5, 0.5],
  ]);
  const f = tf.tensor2d([
    [2, 0, 1],
    [0, 0, 0],
  ]);
  const bandwidths = [1, 4];
  const onReal = readNumbers(kernelWitness(r, r, f, bandwidths));
  const onFake = readNumbers(kernelWitness(f, r, f, bandwidths));
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const biased = readNumbers(mmdEstimators.biased(r, f, bandwidths))[0] ?? Number.NaN;
  t.true(biased > 0.05, `a case with a clearly positive MMD^2: ${String(biased)}`);
  assertClose(t, mean(onReal) - mean(onFake), biased, 1e-6);
});

test('two bandwidths add their witnesses', (t) => {
  const h = tf.tensor2d([[0.3], [-1]]);
  const both = readNumbers(kernelWitness(h, real(), fake(), [1, 2]));
  const one = readNumbers(kernelWitness(h, real(), fake(), [1]));
  const two = readNumbers(kernelWitness(h, real(), fake(), [2]));
  both.forEach((b, i) => {
    assertClose(t, b, (one[i] ?? Number.NaN) + (two[i] ?? Number.NaN), 1e-6);
  });
});

test('its gradient in h at h = 1 is -1.5 e^{-1/2}, by hand', (t) => {
  // d/dh exp(-(h - a)^2 / 2) = -(h - a) exp(-(h - a)^2 / 2). At h = 1:
  //   real: (-(1 - 0) e^{-1/2} - 0) / 2 = -e^{-1/2} / 2;  fake: -(1 - 2) e^{-1/2} = e^{-1/2}.
  //   dw/dh = -e^{-1/2} / 2 - e^{-1/2} = -1.5 e^{-1/2}.
  const g = readNumbers(
    tf.grad((h: tf.Tensor) => tf.sum(kernelWitness(h as tf.Tensor2D, real(), fake(), [1])))(tf.tensor2d([[1]])),
  );
  assertClose(t, g[0] ?? Number.NaN, -1.5 * Math.exp(-0.5), 1e-6);
});

test('no tensor is left behind', (t) => {
  const [h, r, f] = [real(), real(), fake()];
  const before = tf.memory().numTensors;
  kernelWitness(h, r, f, [1, 2]).dispose();
  t.is(tf.memory().numTensors, before);
});
