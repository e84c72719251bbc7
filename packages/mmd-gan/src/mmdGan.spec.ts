import { tf, type CriticOutput, type ObjectiveInputs } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import { assertClose, readNumber, objectiveInputsOf } from '@ipmgan/core/testing';
import test from 'ava';
import { mmdGan } from './mmdGan.js';

test.before(async () => {
  await useBackend('cpu');
});

/** Inputs for the identity features critic h(x) = x on 1-D points: real {0, 1}, fake {0, 2}. */
function inputs(): ObjectiveInputs {
  const critic = (x: tf.Tensor): CriticOutput => ({ features: x as tf.Tensor2D });
  return objectiveInputsOf('objective:mmd-gan', critic, tf.tensor2d([[0], [1]]), tf.tensor2d([[0], [2]]));
}

// One bandwidth s = 1: a = k(0, 1) = e^{-1/2}, b = k(0, 2) = e^{-2}. From mmd's estimator spec:
//   biased MMD^2 = (1 - a)/2,   unbiased MMD^2 = (b - 1)/2 (negative).
const a = Math.exp(-1 / 2);
const b = Math.exp(-2);

test('biased (default): the critic loss is -MMD^2 = -(1 - e^{-1/2})/2 and the generator loss +MMD^2', (t) => {
  const objective = mmdGan.create(mmdGan.optionsSchema.parse({ bandwidths: [1] }));
  assertClose(t, readNumber(tf.tidy(() => objective.criticLoss(inputs()))), -(1 - a) / 2, 1e-6);
  assertClose(t, readNumber(tf.tidy(() => objective.generatorLoss(inputs()))), (1 - a) / 2, 1e-6);
});

test('unbiased: the players optimise (e^{-2} - 1)/2; the estimate stays the biased (1 - e^{-1/2})/2', (t) => {
  const objective = mmdGan.create(mmdGan.optionsSchema.parse({ bandwidths: [1], estimator: 'unbiased' }));
  assertClose(t, readNumber(tf.tidy(() => objective.generatorLoss(inputs()))), (b - 1) / 2, 1e-6);
  assertClose(t, readNumber(tf.tidy(() => objective.criticLoss(inputs()))), -(b - 1) / 2, 1e-6);
  assertClose(t, readNumber(tf.tidy(() => objective.estimate(inputs()))), (1 - a) / 2, 1e-6);
});

test("the paper's bandwidths {1, 2, 4, 8, 16} add their MMD^2s", (t) => {
  const objective = mmdGan.create(mmdGan.optionsSchema.parse({}));
  // Biased MMD^2 under one s: (k(0, 0) - k(0, 1))/2 = (1 - e^{-1/(2 s^2)})/2, by the same algebra.
  const expected = [1, 2, 4, 8, 16].reduce((sum, s) => sum + (1 - Math.exp(-1 / (2 * s * s))) / 2, 0);
  assertClose(t, readNumber(tf.tidy(() => objective.estimate(inputs()))), expected, 1e-6);
});

test('median bandwidths: pooled {0, 1, 0, 2} has median pairwise distance 1, so factor 1 is s = 1 and factor 2 is s = 2', (t) => {
  // Distances 1, 0, 2, 1, 1, 2 -> sorted 0, 1, 1, 1, 2, 2 -> (1 + 1)/2 = 1.
  const estimate = (medianFactors: number[]) =>
    readNumber(
      tf.tidy(() =>
        mmdGan.create(mmdGan.optionsSchema.parse({ bandwidths: 'median', medianFactors })).estimate(inputs()),
      ),
    );
  assertClose(t, estimate([1]), (1 - a) / 2, 1e-6);
  assertClose(t, estimate([2]), (1 - Math.exp(-1 / 8)) / 2, 1e-6);
  assertClose(t, estimate([1, 2]), (1 - a) / 2 + (1 - Math.exp(-1 / 8)) / 2, 1e-6);
});

test('median bandwidths follow the scale of the features: features 1000 times smaller give the same MMD^2', (t) => {
  const objective = mmdGan.create(mmdGan.optionsSchema.parse({ bandwidths: 'median' }));
  const scaled = (scale: number): ObjectiveInputs => {
    const step = inputs();
    const features = (o: CriticOutput | undefined) => ({
      features: tf.mul<tf.Tensor2D>(o?.features ?? tf.zeros([2, 1]), scale),
    });
    return { ...step, criticReal: features(step.criticReal), criticFake: features(step.criticFake) };
  };
  const [large, small] = [1, 1e-3].map((scale) => readNumber(tf.tidy(() => objective.estimate(scaled(scale)))));
  t.true((large ?? 0) > 0.1, String(large));
  assertClose(t, small ?? Number.NaN, large ?? Number.NaN, 1e-4);
  // The paper's fixed list sees almost nothing at the small scale.
  const fixed = readNumber(tf.tidy(() => mmdGan.create(mmdGan.optionsSchema.parse({})).estimate(scaled(1e-3))));
  t.true(fixed < 1e-6, String(fixed));
});

test('the witness averages to the estimate: mean over real minus mean over fake', (t) => {
  const objective = mmdGan.create(mmdGan.optionsSchema.parse({ bandwidths: [1, 3] }));
  const witness = (s: ObjectiveInputs, x: tf.Tensor): tf.Tensor1D => {
    if (!objective.witness) throw new Error('mmd-gan declares no witness');
    return objective.witness(s, x);
  };
  const [difference, estimate] = tf.tidy(() => {
    const step = inputs();
    return [
      readNumber(tf.sub(tf.mean(witness(step, step.real)), tf.mean(witness(step, step.fake)))),
      readNumber(objective.estimate(step)),
    ];
  });
  t.true(estimate > 0.01, String(estimate));
  assertClose(t, difference, estimate, 1e-6);
});

test('the requirement is a features critic of featureSize outputs (16 by default)', (t) => {
  t.deepEqual(mmdGan.create(mmdGan.optionsSchema.parse({})).requires, { critic: { output: 'features', size: 16 } });
  t.deepEqual(mmdGan.create(mmdGan.optionsSchema.parse({ featureSize: 4 })).requires, {
    critic: { output: 'features', size: 4 },
  });
});
