import { tf, type CriticOutput, type ObjectiveInputs } from '@ipmgan/core';
import { assertClose, testPluginContext, objectiveInputsOf } from '@ipmgan/core/testing';
import test from 'ava';
import { sobolevGan } from './sobolevGan.js';

test.before(async () => {
  await tf.setBackend('cpu');
});

// A linear critic f(x) = w.x with w = (1, 2): grad_x f = w at every point, so Omega = ||w||^2 = 5.
// P = {(1, 0), (0, 1)}: f = (1, 2); Q = {(0, 0), (-1, 0)}: f = (0, -1). E_P f - E_Q f = 1.5 + 0.5 = 2.
// The means: m_P = (0.5, 0.5), m_Q = (-0.5, 0), m_P - m_Q = (1, 0.5).
function inputs(w: tf.Tensor2D): ObjectiveInputs {
  const critic = (x: tf.Tensor): CriticOutput => ({ score: tf.reshape(tf.matMul(x as tf.Tensor2D, w), [-1]) });
  const real = tf.tensor2d([
    [1, 0],
    [0, 1],
  ]);
  const fake = tf.tensor2d([
    [0, 0],
    [-1, 0],
  ]);
  return objectiveInputsOf('objective:sobolev-gan', critic, real, fake);
}

const linear = (w0: number, w1: number): tf.Tensor2D => tf.tensor2d([w0, w1], [2, 1]);

function lambdaOf(objective: ReturnType<typeof sobolevGan.create>): tf.Variable {
  const lambda = objective.auxiliary?.variables.lambda;
  if (!lambda) throw new Error('sobolev-gan declares no multiplier');
  return lambda;
}

/** One critic step's multiplier update, as core's critic step makes it: d(critic loss)/dlambda on the tape, then update(). */
function stepMultiplier(objective: ReturnType<typeof sobolevGan.create>, w: tf.Tensor2D): number {
  const lambda = lambdaOf(objective);
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(() => objective.criticLoss(inputs(w)), [lambda]);
    const gradient = grads[lambda.name];
    if (!gradient) throw new Error('no gradient for lambda');
    objective.auxiliary?.update({ lambda: gradient }, testPluginContext('objective:sobolev-gan'));
    return gradient.dataSync()[0] ?? Number.NaN;
  });
}

const read = (x: tf.Tensor): number => x.dataSync()[0] ?? Number.NaN;

test('the critic loss is -L: lambda 0, rho 0.1, Omega 5: -(2 + 0 - 0.05 (1 - 5)^2) = -1.2', (t) => {
  const objective = sobolevGan.create({ rho: 0.1 });
  assertClose(
    t,
    tf.tidy(() => read(objective.criticLoss(inputs(linear(1, 2))))),
    -1.2,
    1e-6,
  );
  tf.dispose(lambdaOf(objective));
});

test('Omega = 5 > 1: d(-L)/dlambda = Omega - 1 = 4 and lambda <- lambda - rho (1 - Omega) grows 0 -> 0.4 -> 0.8', (t) => {
  const objective = sobolevGan.create({ rho: 0.1 });
  const w = linear(1, 2);
  const values: number[] = [];
  for (let step = 0; step < 2; step++) {
    assertClose(t, stepMultiplier(objective, w), 4, 1e-6);
    values.push(read(lambdaOf(objective)));
  }
  assertClose(t, values[0] ?? Number.NaN, 0.4, 1e-6);
  assertClose(t, values[1] ?? Number.NaN, 0.8, 1e-6);
  // At lambda 0.8: -L = -(2 + 0.8 (-4) - 0.8) = 2.
  assertClose(
    t,
    tf.tidy(() => read(objective.criticLoss(inputs(w)))),
    2,
    1e-5,
  );
  tf.dispose([w, lambdaOf(objective)]);
});

test('Omega = 0.05 < 1: lambda moves down, 0 - 0.1 (1 - 0.05) = -0.095', (t) => {
  const objective = sobolevGan.create({ rho: 0.1 });
  const w = linear(0.1, 0.2);
  assertClose(t, stepMultiplier(objective, w), -0.95, 1e-6);
  assertClose(t, read(lambdaOf(objective)), -0.095, 1e-6);
  tf.dispose([w, lambdaOf(objective)]);
});

test('the multiplier pushes the critic back toward Omega = 1: after its step the descent shrinks ||w||^2 three times faster', (t) => {
  // d(-L)/dw = -(m_P - m_Q) + 2 w (lambda - rho (1 - ||w||^2)). At w = (1, 2), rho 0.1:
  //   lambda 0:   c = 0.4, d(-L)/dw = -(1, 0.5) + 0.8 (1, 2) = (-0.2, 1.1), w.grad = 2;
  //   lambda 0.4: c = 0.8, d(-L)/dw = -(1, 0.5) + 1.6 (1, 2) = (0.6, 2.7),  w.grad = 6.
  // A descent step on -L changes ||w||^2 by -2 lr w.grad: the multiplier's step from Omega = 5
  // (violated above) makes it shrink three times faster.
  const objective = sobolevGan.create({ rho: 0.1 });
  const w = tf.variable(linear(1, 2), true, 'sobolev-gan-spec-w');
  const gradient = (): number[] =>
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => objective.criticLoss(inputs(w)), [w]);
      return Array.from(grads['sobolev-gan-spec-w']?.dataSync() ?? []);
    });
  const before = gradient();
  stepMultiplier(objective, w);
  const after = gradient();
  [-0.2, 1.1, 0.6, 2.7].forEach((expected, i) => {
    assertClose(t, [...before, ...after][i] ?? Number.NaN, expected, 1e-5);
  });
  tf.dispose([w, lambdaOf(objective)]);
});

test('generator loss -E_Q f = 0.5 and the Sobolev IPM estimate E_P f - E_Q f = 2', (t) => {
  const objective = sobolevGan.create({ rho: 1e-5 });
  const w = linear(1, 2);
  assertClose(
    t,
    tf.tidy(() => read(objective.generatorLoss(inputs(w)))),
    0.5,
    1e-7,
  );
  assertClose(
    t,
    tf.tidy(() => read(objective.estimate(inputs(w)))),
    2,
    1e-7,
  );
  t.is(objective.estimateInfo.name, 'Sobolev IPM');
  t.deepEqual(objective.requires, { critic: { output: 'score' } });
  w.dispose();
});

test('without the critic as a function the critic loss says what it needs', (t) => {
  const objective = sobolevGan.create({ rho: 1e-5 });
  const w = linear(1, 2);
  const { critic: _, ...rest } = inputs(w);
  t.throws(() => tf.tidy(() => objective.criticLoss(rest)), {
    message: /sobolev-gan needs the critic as a function of x/,
  });
  tf.dispose([w, lambdaOf(objective)]);
});

test('create() makes no variable until the run asks for the multiplier (resolveConfig calls create too)', (t) => {
  const before = tf.memory().numTensors;
  sobolevGan.create({ rho: 1e-5 });
  t.is(tf.memory().numTensors, before);
});
