import { Rng, tf, type Objective } from '@ipmgan/core';
import { corePlugin, openRun, resolveConfig, type Config, type Run } from '@ipmgan/core/engine';
import {
  assertClose,
  assertTrainingMemoryFlat,
  meanDistanceToMode,
  readNumber,
  testPluginContext,
} from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';
import { mmd } from './mmd.js';
import { mmdEstimators } from './mmdEstimators.js';

const context = testPluginContext();

const plugins = [corePlugin, ipmganPlugin];

test.before(async () => {
  await tf.setBackend('cpu');
});

function objective(options: Record<string, unknown> = {}): Objective {
  return mmd.create(mmd.optionsSchema.parse(options));
}

/** A small MMD run on the ring: generator 2 -> 2x64 -> 2, batch 128, Adam 1e-3 (the default). */
function smallConfig(overrides: Partial<Config> = {}): Config {
  return {
    seed: 3,
    backend: 'wasm',
    objective: { name: 'mmd' },
    data: { name: 'ring8' },
    generator: { network: { name: 'mlp', options: { hidden: [64, 64] } } },
    training: { iterations: 300, batchSize: 128 },
    ...overrides,
  };
}

async function open(config: Config): Promise<Run> {
  return openRun({ config, plugins }, { directory: null });
}

/** The objective's estimate (unbiased MMD^2, median bandwidths) on fixed batches of 256. */
function estimate(run: Run): number {
  const rng = new Rng(5);
  return readNumber(
    tf.tidy(() =>
      run.trainer.objective.estimate({
        real: run.trainer.data.sample(256, rng),
        fake: run.trainer.generator.sample(256, rng),
        context,
      }),
    ),
  );
}

test.serial('the resolved config carries the MMD defaults and no critic', (t) => {
  const config = resolveConfig({ objective: { name: 'gmmn' }, data: { name: 'ring8' } }, plugins);
  t.is(config.objective.name, 'mmd');
  t.is(config.objective.package, '@ipmgan/mmd');
  t.false(config.objective.usesCritic);
  t.is(config.objective.estimate.name, 'MMD^2');
  t.deepEqual(config.objective.options, {
    bandwidths: 'median',
    medianFactors: [0.125, 0.25, 0.5, 1, 2],
    estimator: 'unbiased',
    loss: 'mmd2',
  });
  t.is(config.critic, null);
  t.is(config.training.batchSize, 256);
  t.deepEqual(config.training.schedule, { type: 'constant', nCritic: 0 });
  t.deepEqual(config.training.optimizers.generator, {
    name: 'adam',
    lr: 1e-3,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-8,
  });
});

test.serial('bad options are refused with an error naming the field', (t) => {
  const bad = (options: Record<string, unknown>) => () =>
    resolveConfig({ objective: { name: 'mmd', options }, data: { name: 'ring8' } }, plugins);
  t.throws(bad({ bandwidths: [1, -2] }), { message: /objective\.options\.bandwidths/ });
  t.throws(bad({ bandwidths: 'mean' }), { message: /objective\.options\.bandwidths/ });
  t.throws(bad({ bandwidths: [] }), { message: /objective\.options\.bandwidths/ });
  t.throws(bad({ medianFactors: [0] }), { message: /objective\.options\.medianFactors/ });
  t.throws(bad({ estimator: 'quadratic' }), { message: /objective\.options\.estimator/ });
  t.throws(bad({ loss: 'mmd' }), { message: /objective\.options\.loss/ });
  t.throws(bad({ kernel: 'rbf' }), { message: /kernel/ });
});

test.serial('median bandwidths: the pooled median times each factor, images flattened', (t) => {
  // Real {0, 1} and fake {3, 7} as 1x1 "images": the pooled median distance is 3.5 (see
  // medianHeuristic.spec), so the kernel uses s = 3.5 * (0.5, 2) = (1.75, 7).
  const real = tf.tensor4d([0, 1], [2, 1, 1, 1]);
  const fake = tf.tensor4d([3, 7], [2, 1, 1, 1]);
  const loss = readNumber(objective({ medianFactors: [0.5, 2] }).generatorLoss({ real, fake, context }));
  const expected = readNumber(mmdEstimators.unbiased(tf.tensor2d([[0], [1]]), tf.tensor2d([[3], [7]]), [1.75, 7]));
  assertClose(t, loss, expected);
});

test.serial('the loss follows the options; the estimate is the unbiased MMD^2 whatever the loss', (t) => {
  const real = tf.tensor2d([[0], [1]]);
  const fake = tf.tensor2d([[0], [2]]);
  const s = [1];
  const unbiased = readNumber(mmdEstimators.unbiased(real, fake, s)); // (e^{-2} - 1) / 2 < 0
  const biased = readNumber(mmdEstimators.biased(real, fake, s)); // (1 - e^{-1/2}) / 2 > 0
  for (const estimator of ['biased', 'unbiased', 'linear'] as const) {
    for (const loss of ['mmd2', 'sqrt'] as const) {
      const o = objective({ bandwidths: s, estimator, loss });
      assertClose(t, readNumber(o.estimate({ real, fake, context })), unbiased);
      const raw = readNumber(mmdEstimators[estimator](real, fake, s));
      assertClose(
        t,
        readNumber(o.generatorLoss({ real, fake, context })),
        loss === 'mmd2' ? raw : Math.sqrt(Math.max(raw, 1e-8)),
        1e-6,
      );
    }
  }
  assertClose(
    t,
    readNumber(objective({ bandwidths: s, estimator: 'biased', loss: 'sqrt' }).generatorLoss({ real, fake, context })),
    Math.sqrt(biased),
  );
});

test.serial('sqrt(MMD^2) has a finite gradient when the fake batch equals the real one', (t) => {
  const real = tf.tensor2d([
    [0, 1],
    [2, 3],
    [4, 1],
  ]);
  const shift = tf.variable(tf.zeros([1, 2]), true, 'mmd-spec-shift');
  for (const estimator of ['biased', 'unbiased', 'linear'] as const) {
    const o = objective({ estimator, loss: 'sqrt' });
    const { value: loss, grads } = tf.variableGrads(
      () => o.generatorLoss({ real, fake: tf.add(real, shift), context }),
      [shift],
    );
    const g = Array.from(grads['mmd-spec-shift']?.dataSync() ?? [NaN]);
    t.true(Number.isFinite(loss.dataSync()[0]), estimator);
    t.true(g.every(Number.isFinite), `${estimator}: ${g.join(', ')}`);
  }
  shift.dispose();
});

test.serial('mmd trains no critic, and says so if asked for a critic loss', (t) => {
  const o = objective();
  t.false(o.usesCritic);
  t.throws(() => o.criticLoss({ real: tf.zeros([2, 2]), fake: tf.zeros([2, 2]), context }), { message: /no critic/ });
});

test.serial('training on the ring brings samples nearer the modes and lowers MMD^2', async (t) => {
  const run = await open(smallConfig());
  t.is(run.trainer.critic, null);
  const before = { distance: meanDistanceToMode(run), mmd2: estimate(run) };
  await run.trainer.fit();
  const after = { distance: meanDistanceToMode(run), mmd2: estimate(run) };
  t.log(`distance to nearest mode ${before.distance.toFixed(3)} -> ${after.distance.toFixed(3)}`);
  t.log(`MMD^2 ${before.mmd2.toExponential(2)} -> ${after.mmd2.toExponential(2)}`);
  // Measured (seed 3, wasm, 300 iterations): distance 1.275 -> 0.424, MMD^2 3.33 -> 0.079.
  t.true(before.distance > 1.0 && before.distance < 1.6, `untrained distance ${before.distance}`);
  t.true(after.distance < 0.5 * before.distance, `distance ${after.distance} vs ${before.distance}`);
  t.true(before.mmd2 > 1, `untrained MMD^2 ${before.mmd2}`);
  t.true(after.mmd2 > -0.05 && after.mmd2 < 0.1 * before.mmd2, `MMD^2 ${after.mmd2} vs ${before.mmd2}`);
  run.dispose();
});

test.serial('200 training iterations leave tf.memory().numTensors unchanged', async (t) => {
  const run = await open(smallConfig({ training: { iterations: 201, batchSize: 64 } }));
  await assertTrainingMemoryFlat(t, run, 201);
  run.dispose();
});
