import { tf, type ObjectiveInputs } from '@ipmgan/core';
import { assertClose, testPluginContext } from '@ipmgan/core/testing';
import test from 'ava';
import { fisherGan } from './fisherGan.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

/** Fixed critic outputs: f on P (real) (1, 2), on Q (fake) (0, -1); Omega = 1.5, 1 - Omega = -0.5. */
function inputs(): ObjectiveInputs {
  const x = tf.zeros([2, 2]);
  return {
    real: x,
    fake: x,
    criticReal: { score: tf.tensor1d([1, 2]) },
    criticFake: { score: tf.tensor1d([0, -1]) },
    context: testPluginContext('objective:fisher-gan'),
  };
}

test('the critic loss is -L; lambda starts at 0, so -L = -(2 + 0 - 0.1/2 (0.25)) = -1.9875 at rho 0.1', (t) => {
  const objective = fisherGan.create({ rho: 0.1 });
  const value = tf.tidy(() => objective.criticLoss(inputs()).dataSync()[0] ?? Number.NaN);
  assertClose(t, value, -(2 - 0.0125), 1e-6);
  tf.dispose(Object.values(objective.auxiliary?.variables ?? {}));
});

test("the multiplier's own step: lambda <- lambda - rho (1 - Omega) = 0 + 0.1 * 0.5, then 0.1, through update()", (t) => {
  const objective = fisherGan.create({ rho: 0.1 });
  const auxiliary = objective.auxiliary;
  if (!auxiliary) throw new Error('fisher-gan declares no auxiliary variables');
  const lambda = auxiliary.variables.lambda;
  if (!lambda) throw new Error('no lambda');
  const values: number[] = [];
  for (let step = 0; step < 2; step++) {
    tf.tidy(() => {
      // As core's critic step does: d(critic loss)/dlambda on the critic's tape, then update().
      const { grads } = tf.variableGrads(() => objective.criticLoss(inputs()), [lambda]);
      const gradient = grads[lambda.name];
      if (!gradient) throw new Error('no gradient for lambda');
      assertClose(t, gradient.dataSync()[0] ?? Number.NaN, 0.5, 1e-7); // -(1 - Omega)
      auxiliary.update({ lambda: gradient }, testPluginContext('objective:fisher-gan'));
    });
    values.push(lambda.dataSync()[0] ?? Number.NaN);
  }
  // Omega > 1 here, so lambda grows: the critic is then pushed to shrink its scores.
  assertClose(t, values[0] ?? Number.NaN, 0.05, 1e-7);
  assertClose(t, values[1] ?? Number.NaN, 0.1, 1e-7);
  // At lambda = 0.1: -L = -(2 + 0.1 (-0.5) - 0.0125) = -1.9375.
  assertClose(
    t,
    tf.tidy(() => objective.criticLoss(inputs()).dataSync()[0] ?? Number.NaN),
    -1.9375,
    1e-6,
  );
  tf.dispose(Object.values(auxiliary.variables));
});

test('generator loss -E_Q f = 0.5 and estimate E_P f - E_Q f = 2', (t) => {
  const objective = fisherGan.create({ rho: 1e-6 });
  const generatorLoss = tf.tidy(() => objective.generatorLoss(inputs()).dataSync()[0] ?? Number.NaN);
  const estimate = tf.tidy(() => objective.estimate(inputs()).dataSync()[0] ?? Number.NaN);
  assertClose(t, generatorLoss, 0.5, 1e-7);
  assertClose(t, estimate, 2, 1e-7);
});

test('create() makes no variable until the run asks for the multiplier (resolveConfig calls create too)', (t) => {
  const before = tf.memory().numTensors;
  fisherGan.create({ rho: 1e-6 });
  t.is(tf.memory().numTensors, before);
});
