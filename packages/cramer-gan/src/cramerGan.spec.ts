import { tf, type CriticOutput, type ObjectiveInputs } from '@ipmgan/core';
import { useBackend } from '@ipmgan/core/engine';
import { assertClose, readNumber, objectiveInputsOf } from '@ipmgan/core/testing';
import test from 'ava';
import { cramerGan } from './cramerGan.js';
import { energyDistance } from './energyDistance.js';

test.before(async () => {
  await useBackend('cpu');
});

/**
 * The step's inputs for a features critic h(x) = x W (the identity unless W is given): real
 * and fake batches of 2-D points, so that every feature below is the point itself.
 */
function inputs(real: number[][], fake: number[][], w?: tf.Tensor2D): ObjectiveInputs {
  const critic = (x: tf.Tensor): CriticOutput => ({
    features: w ? tf.matMul<tf.Tensor2D>(x, w) : (x as tf.Tensor2D),
  });
  return objectiveInputsOf('objective:cramer-gan', critic, tf.tensor2d(real), tf.tensor2d(fake));
}

// Batch 2, so m = 1 triple: x_r = (0, 2), x_g = (1, 0), x'_g = (0, -1) (see cramerLosses.spec).
const real = [
  [0, 2],
  [5, 5],
];
const fake = [
  [1, 0],
  [0, -1],
];

test('without the penalty, the critic loss is -(f(x_r) - f(x_g)) = -(2 - sqrt 2) on the first halves', (t) => {
  const objective = cramerGan.create({ featureSize: 2, lambda: 0 });
  assertClose(t, readNumber(tf.tidy(() => objective.criticLoss(inputs(real, fake)))), -(2 - Math.SQRT2), 1e-6);
});

test('the generator loss is Algorithm 1 L_g on the triple: ||(-1, 2)|| + 3 - sqrt 2', (t) => {
  const objective = cramerGan.create({ featureSize: 2, lambda: 10 });
  assertClose(
    t,
    readNumber(tf.tidy(() => objective.generatorLoss(inputs(real, fake)))),
    Math.sqrt(5) + 3 - Math.SQRT2,
    1e-6,
  );
});

test('the penalty is lambda (||grad f(x_hat)|| - 1)^2: x_r = x_g = (3, 0) makes x_hat = (3, 0) for any eps', (t) => {
  // f(x) = ||x - (0, -1)|| - ||x||, grad f(3, 0) = (3, 1)/sqrt 10 - (1, 0); ||grad||^2 = 2 - 6/sqrt 10.
  // The surrogate is 0 (x_r = x_g), so the loss is the penalty alone.
  const objective = cramerGan.create({ featureSize: 2, lambda: 10 });
  const norm = Math.sqrt(2 - 6 / Math.sqrt(10));
  const loss = readNumber(
    tf.tidy(() =>
      objective.criticLoss(
        inputs(
          [
            [3, 0],
            [9, 9],
          ],
          [
            [3, 0],
            [0, -1],
          ],
        ),
      ),
    ),
  );
  assertClose(t, loss, 10 * (norm - 1) ** 2, 1e-5);
});

test("the penalty reaches the critic's weights (a gradient of a gradient), finite and non-zero", (t) => {
  const objective = cramerGan.create({ featureSize: 2, lambda: 10 });
  const w = tf.variable(
    tf.tensor2d([
      [1, 0.5],
      [-0.25, 1],
    ]),
    true,
    'cramer-spec-w',
  );
  const gradient = tf.tidy(() => {
    const { grads } = tf.variableGrads(
      () =>
        objective.criticLoss(
          inputs(
            [
              [3, 0],
              [1, 1],
            ],
            [
              [3, 0],
              [0, -1],
            ],
            w,
          ),
        ),
      [w],
    );
    return Array.from(grads['cramer-spec-w']?.dataSync() ?? []);
  });
  w.dispose();
  t.is(gradient.length, 4);
  t.true(gradient.every(Number.isFinite) && gradient.some((g) => Math.abs(g) > 1e-3), gradient.join(', '));
});

test('the estimate is the energy distance of all real and all fake features; the witness averages to it', (t) => {
  const objective = cramerGan.create({ featureSize: 2, lambda: 10 });
  const values = tf.tidy(() => {
    const step = inputs(real, fake);
    const witness = (s: ObjectiveInputs, x: tf.Tensor): tf.Tensor1D => {
      if (!objective.witness) throw new Error('cramer-gan declares no witness');
      return objective.witness(s, x);
    };
    return {
      estimate: readNumber(objective.estimate(step)),
      direct: readNumber(energyDistance(tf.tensor2d(real), tf.tensor2d(fake))),
      difference: readNumber(tf.sub(tf.mean(witness(step, step.real)), tf.mean(witness(step, step.fake)))),
    };
  });
  // By hand: E||x - y|| over the 4 pairs = (sqrt 5 + 3 + sqrt 41 + sqrt 61)/4, E||x - x'|| = 2 sqrt 34 / 4,
  // E||y - y'|| = 2 sqrt 2 / 4.
  const byHand =
    (2 * (Math.sqrt(5) + 3 + Math.sqrt(41) + Math.sqrt(61))) / 4 - (2 * Math.sqrt(34)) / 4 - (2 * Math.SQRT2) / 4;
  assertClose(t, values.estimate, byHand, 1e-5);
  assertClose(t, values.direct, byHand, 1e-5);
  assertClose(t, values.difference, byHand, 1e-5);
});

test('a batch of one sample is refused with a message', (t) => {
  const objective = cramerGan.create({ featureSize: 2, lambda: 10 });
  t.throws(() => objective.generatorLoss(inputs([[0, 0]], [[1, 1]])), { message: /at least 2 samples/ });
});

test('the requirement is a features critic of featureSize outputs', (t) => {
  t.deepEqual(cramerGan.create(cramerGan.optionsSchema.parse({})).requires, {
    critic: { output: 'features', size: 256 },
  });
  t.deepEqual(cramerGan.create(cramerGan.optionsSchema.parse({ featureSize: 8 })).requires, {
    critic: { output: 'features', size: 8 },
  });
});
