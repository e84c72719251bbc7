import test from 'ava';
import { z } from 'zod';
import type { Config } from '../config/ConfigSchema.js';
import type { ConstraintExtension, ObjectiveExtension } from '../contracts/Extension.js';
import { scoreOf } from '../contracts/scoreOf.js';
import { inputGradient } from '../players/inputGradient.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import { OptimizerConfigSchema } from '../optimizers/OptimizerConfig.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { Rng } from '../random/Rng.js';
import type { Run } from '../runs/createRun.js';
import { openRun } from '../runs/openRun.js';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { handBatches } from '../testing/handBatches.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { criticStep } from './criticStep.js';
import { generatorStep } from './generatorStep.js';

const NoOptions = z.strictObject({});
const seen: boolean[] = [];

/** W -> W / ||W||_F inside the forward pass (spectral normalisation's shape, for a vector). */
const unitKernel: ConstraintExtension<z.output<typeof NoOptions>> = {
  kind: 'constraint',
  id: 'unit-kernel',
  description: 'Divides every kernel by its Frobenius norm in the forward pass (test constraint).',
  optionsSchema: NoOptions,
  create: () => ({
    id: 'unit-kernel',
    reparametrise: ({ kernel, training }) => {
      seen.push(training);
      return tf.div(kernel, tf.norm(kernel));
    },
  }),
};

/** W -> 2 W, to check that a second reparametrisation receives the first's kernel. */
const doubleKernel: ConstraintExtension<z.output<typeof NoOptions>> = {
  kind: 'constraint',
  id: 'double-kernel',
  description: 'Doubles every kernel in the forward pass (test constraint).',
  optionsSchema: NoOptions,
  create: () => ({ id: 'double-kernel', reparametrise: ({ kernel }) => tf.mul(kernel, 2) }),
};

const RHO = 0.1;
const LAMBDA0 = 0.5;

/**
 * The critic-score gap plus lambda (1 - Omega), Omega = mean f(real)^2, with lambda an
 * auxiliary variable updated by its own rule lambda <- lambda - rho dL/dlambda (Fisher GAN's shape).
 */
const auxiliaryGap: ObjectiveExtension<z.output<typeof NoOptions>> = {
  ...linearGapObjective,
  id: 'auxiliary-gap',
  optionsSchema: NoOptions,
  create: () => {
    const gap = linearGapObjective.create({ nanFrom: 0, withoutCritic: false });
    const lambda = tf.variable(tf.scalar(LAMBDA0), true);
    return {
      ...gap,
      id: 'auxiliary-gap',
      criticLoss: (inputs) => {
        const omega = tf.mean<tf.Scalar>(tf.square(inputs.criticReal?.score ?? tf.zeros([1])));
        return tf.add(gap.criticLoss(inputs), tf.mul(lambda, tf.sub(1, omega)));
      },
      auxiliary: {
        variables: { lambda },
        update: ({ lambda: g }) => {
          if (!g) return;
          tf.tidy(() => {
            lambda.assign(tf.sub(lambda, tf.mul(RHO, g)));
          });
        },
      },
    };
  },
};

/**
 * The critic-score gap plus E||grad_x f(x_mid)||^2 at the midpoints x_mid = (real + fake) / 2,
 * which the objective builds itself and evaluates through `inputs.critic` (Sobolev GAN's shape).
 */
const gradientNormGap: ObjectiveExtension<z.output<typeof NoOptions>> = {
  ...linearGapObjective,
  id: 'gradient-norm-gap',
  optionsSchema: NoOptions,
  create: () => {
    const gap = linearGapObjective.create({ nanFrom: 0, withoutCritic: false });
    return {
      ...gap,
      id: 'gradient-norm-gap',
      criticLoss: (inputs) => {
        const { critic } = inputs;
        if (!critic) throw new Error('gradient-norm-gap needs inputs.critic');
        const middle = tf.div(tf.add(inputs.real, inputs.fake), 2); // [batch, 2]
        const gradient = inputGradient((x) => scoreOf(critic(x), 'gradient-norm-gap'), middle); // [batch, 2]
        return tf.add(gap.criticLoss(inputs), tf.mean<tf.Scalar>(tf.sum(tf.square(gradient), 1)));
      },
    };
  },
};

/** What happened in a critic step, in order (the order test's objective and constraint write it). */
const calls: string[] = [];
let kernelBefore: number[] = [];
let kernelNow: () => number[] = () => [];

/** The auxiliary-gap objective, logging its critic loss and its update (and whether the optimizer had moved the critic). */
const loggingObjective: ObjectiveExtension<z.output<typeof NoOptions>> = {
  ...auxiliaryGap,
  id: 'logging-gap',
  create: (options) => {
    const inner = auxiliaryGap.create(options);
    const auxiliary = inner.auxiliary;
    if (!auxiliary) throw new Error('auxiliary-gap has an auxiliary variable');
    return {
      ...inner,
      id: 'logging-gap',
      criticLoss: (inputs) => {
        calls.push('criticLoss');
        kernelBefore = kernelNow();
        return inner.criticLoss(inputs);
      },
      auxiliary: {
        variables: auxiliary.variables,
        update: (gradients, context) => {
          calls.push(kernelNow().join() === kernelBefore.join() ? 'update (critic not stepped)' : 'update');
          auxiliary.update(gradients, context);
        },
      },
    };
  },
};

/** A constraint with a zero penalty and a projection that only log their calls. */
const loggingConstraint: ConstraintExtension<z.output<typeof NoOptions>> = {
  kind: 'constraint',
  id: 'logging-constraint',
  description: 'Logs its penalty and projection calls (test constraint).',
  optionsSchema: NoOptions,
  create: () => ({
    id: 'logging-constraint',
    penalty: ({ real }) => {
      calls.push('penalty');
      return tf.mul(0, tf.sum<tf.Scalar>(real));
    },
    afterCriticStep: () => {
      calls.push('afterCriticStep');
    },
  }),
};

const plugins = [
  corePlugin,
  definePlugin({
    name: 'fixture',
    version: '0.0.0',
    extensions: [
      linearGapObjective,
      auxiliaryGap,
      gradientNormGap,
      loggingObjective,
      unitKernel,
      doubleKernel,
      loggingConstraint,
    ],
  }),
];

/** A linear critic f(x) = x W + b (mlp without hidden layers), plain SGD lr 0.01. */
async function linearRun(objective: string, constraints: string[]): Promise<Run> {
  const config: Config = {
    seed: 2,
    backend: 'cpu',
    objective: { name: objective },
    data: { name: 'ring8' },
    generator: { network: { name: 'mlp', options: { hidden: [8] } } },
    critic: { network: { name: 'mlp', options: { hidden: [] } }, constraints: constraints.map((name) => ({ name })) },
    training: { iterations: 1 },
  };
  return openRun({ config, plugins }, { directory: null });
}

const { real: REAL } = handBatches;
const values = (v: tf.Variable): number[] => Array.from(v.dataSync());

function kernelAndBias(run: Run): { w: number[]; b: number } {
  const [layer] = run.trainer.critic?.layers ?? [];
  if (!layer?.bias) throw new Error('the linear critic has one dense layer with a bias');
  return { w: values(layer.kernel), b: values(layer.bias)[0] ?? Number.NaN };
}

test.serial('a reparametrisation runs inside the forward pass, composed in config order', async (t) => {
  const run = await linearRun('linear-gap', ['unit-kernel', 'double-kernel']);
  const critic = run.trainer.critic;
  if (!critic) return t.fail('no critic');
  t.is(critic.layers.length, 1);
  t.deepEqual(critic.layers[0]?.kernel.shape, [2, 1]);
  const { w, b } = kernelAndBias(run);
  const [w0 = 0, w1 = 0] = w;
  seen.length = 0;
  const score = tf.tidy(() => Array.from(scoreOf(critic.evaluate(tf.tensor2d([[1, 2]]), false), 'test').dataSync()));
  // f(x) = x . 2 W / ||W|| + b
  assertClose(t, score[0] ?? Number.NaN, (2 * (w0 + 2 * w1)) / Math.hypot(w0, w1) + b, 1e-6);
  t.deepEqual(seen, [false]);
  run.dispose();
});

test.serial('the critic step differentiates through the reparametrisation', async (t) => {
  const run = await linearRun('linear-gap', ['unit-kernel']);
  const { w, b } = kernelAndBias(run);
  const [w0 = 0, w1 = 0] = w;
  const optimizer = createOptimizer({ name: 'sgd', lr: 0.5 });
  // loss = (mean fake - mean real) . W / ||W||: d = (-1, 1.5) - (2, 0.5) = (-3, 1).
  const d = [-3, 1] as const;
  const n = Math.hypot(w0, w1);
  const dw = d[0] * w0 + d[1] * w1;
  seen.length = 0;
  const loss = criticStep(run.trainer, optimizer, handBatches.tensors);
  assertClose(t, loss, dw / n, 1e-6);
  // dL/dW = d / ||W|| - (d . W) W / ||W||^3; the bias gets no gradient (the gap ignores it).
  const after = kernelAndBias(run);
  assertClose(t, after.w[0] ?? Number.NaN, w0 - 0.5 * (d[0] / n - (dw * w0) / n ** 3), 1e-6);
  assertClose(t, after.w[1] ?? Number.NaN, w1 - 0.5 * (d[1] / n - (dw * w1) / n ** 3), 1e-6);
  assertClose(t, after.b, b, 0);
  // The linear critic is samplewise: one training pass over [real; fake], one transform call.
  t.deepEqual(seen, [true]);
  optimizer.dispose();
  run.dispose();
});

test.serial(
  "an objective's auxiliary variable gets its own update from the same tape, not the critic's optimizer",
  async (t) => {
    const run = await linearRun('auxiliary-gap', []);
    const { w, b } = kernelAndBias(run);
    const [w0 = 0, w1 = 0] = w;
    const f = (x: number[]): number => (x[0] ?? 0) * w0 + (x[1] ?? 0) * w1 + b;
    const omega = REAL.reduce((s, x) => s + f(x) ** 2, 0) / REAL.length;
    const lr = 0.05;
    const optimizer = createOptimizer({ name: 'sgd', lr });
    criticStep(run.trainer, optimizer, handBatches.tensors);
    const lambda = run.trainer.objective.auxiliary?.variables.lambda;
    // dL/dlambda = 1 - Omega, so lambda_1 = lambda_0 - rho (1 - Omega).
    assertClose(t, lambda?.dataSync()[0] ?? Number.NaN, LAMBDA0 - RHO * (1 - omega), 1e-6);
    // dL/dW_j = d_j - lambda_0 * 2 mean_i f(x_i) x_ij; dL/db = -lambda_0 * 2 mean_i f(x_i).
    const d = [-3, 1];
    const after = kernelAndBias(run);
    for (const j of [0, 1]) {
      const dOmega = (2 * REAL.reduce((s, x) => s + f(x) * (x[j] ?? 0), 0)) / REAL.length;
      assertClose(t, after.w[j] ?? Number.NaN, (w[j] ?? 0) - lr * ((d[j] ?? 0) - LAMBDA0 * dOmega), 1e-6);
    }
    const dOmegaB = (2 * REAL.reduce((s, x) => s + f(x), 0)) / REAL.length;
    assertClose(t, after.b, b - lr * -LAMBDA0 * dOmegaB, 1e-6);
    optimizer.dispose();
    run.dispose();
  },
);

test.serial(
  'an objective evaluates the critic and its input gradient at points it builds, on the tape (inputs.critic)',
  async (t) => {
    const run = await linearRun('gradient-norm-gap', []);
    const { w, b } = kernelAndBias(run);
    const [w0 = 0, w1 = 0] = w;
    const lr = 0.05;
    const optimizer = createOptimizer({ name: 'sgd', lr });
    const loss = criticStep(run.trainer, optimizer, handBatches.tensors);
    // f(x) = x . W + b has grad_x f = W at every point: L = d . W + ||W||^2 with d = (-3, 1),
    // dL/dW = d + 2 W (the second term through the gradient of a gradient); b gets nothing.
    const d = [-3, 1] as const;
    assertClose(t, loss, d[0] * w0 + d[1] * w1 + w0 ** 2 + w1 ** 2, 1e-5);
    const after = kernelAndBias(run);
    for (const j of [0, 1])
      assertClose(t, after.w[j] ?? Number.NaN, (w[j] ?? 0) - lr * ((d[j] ?? 0) + 2 * (w[j] ?? 0)), 1e-6);
    assertClose(t, after.b, b, 0);
    optimizer.dispose();
    run.dispose();
  },
);

test.serial(
  'a critic step calls, in order: the critic loss and every penalty, the optimizer, auxiliary.update once, every afterCriticStep',
  async (t) => {
    const run = await linearRun('logging-gap', ['logging-constraint']);
    kernelNow = () => kernelAndBias(run).w;
    calls.length = 0;
    const optimizer = createOptimizer({ name: 'sgd', lr: 0.05 });
    for (let step = 0; step < 2; step++) criticStep(run.trainer, optimizer, handBatches.tensors);
    const oneStep = ['criticLoss', 'penalty', 'update', 'afterCriticStep'];
    t.deepEqual(calls, [...oneStep, ...oneStep]);
    optimizer.dispose();
    run.dispose();
  },
);

for (const [what, objective, constraints] of [
  ['penalty-free with a reparametrisation and clipping', 'linear-gap', ['unit-kernel', 'weight-clipping']],
  ['with an auxiliary variable', 'auxiliary-gap', []],
  ['with an input-gradient term in the critic loss', 'gradient-norm-gap', []],
] as const) {
  test.serial(`critic and generator steps leak no tensor (${what})`, async (t) => {
    const run = await linearRun(objective, [...constraints]);
    const rng = new Rng(1);
    const critic = createOptimizer(OptimizerConfigSchema.parse({ name: 'adam', lr: 1e-3 }));
    const generator = createOptimizer(OptimizerConfigSchema.parse({ name: 'adam', lr: 1e-3 }));
    const once = (): void => {
      criticStep(run.trainer, critic, { batchSize: 8, rng });
      generatorStep(run.trainer, generator, { batchSize: 8, rng }, true);
    };
    once(); // optimizers create their slots on the first step
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) once();
    t.is(tf.memory().numTensors, before);
    critic.dispose();
    generator.dispose();
    run.dispose();
  });
}
