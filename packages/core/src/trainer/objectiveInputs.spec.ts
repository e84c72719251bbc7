import test from 'ava';
import type { Critic } from '../contracts/Critic.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { Rng } from '../random/Rng.js';
import type { Run } from '../runs/createRun.js';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { openRun } from '../runs/openRun.js';
import { criticStep } from './criticStep.js';
import { objectiveInputs } from './objectiveInputs.js';
import type { StepPlayers } from './StepPlayers.js';

const plugins = [corePlugin, definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective] })];
const BATCH = 64;

/** The benchmark's critic shape (2 -> 3x512 ReLU -> 1) on wasm, with or without batch norm. */
async function mlpRun(batchNorm = false): Promise<Run> {
  const mlp = { name: 'mlp', options: { hidden: [512, 512, 512], batchNorm } };
  return openRun({
    config: {
      seed: 4,
      backend: 'wasm',
      objective: { name: 'linear-gap' },
      data: { name: 'ring8' },
      generator: { network: mlp },
      critic: { network: mlp, constraints: [] },
      training: { iterations: 1, batchSize: BATCH },
    },
    plugins,
  });
}

/** The same critic, declared not samplewise: objectiveInputs scores real, then fake, as before. */
function twoPasses(critic: Critic): Critic {
  return {
    form: critic.form,
    networks: critic.networks,
    trainableVariables: critic.trainableVariables,
    layers: critic.layers,
    samplewise: false,
    evaluate: (x, training) => critic.evaluate(x, training),
  };
}

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? Number.NaN);
}

test.serial('the mlp critic is samplewise, and not with batch norm', async (t) => {
  for (const [batchNorm, samplewise] of [
    [false, true],
    [true, false],
  ] as const) {
    const run = await mlpRun(batchNorm);
    t.is(run.trainer.critic?.samplewise, samplewise, `batchNorm ${String(batchNorm)}`);
    run.dispose();
  }
});

test.serial('one pass over [real; fake] scores and differentiates as two passes do', async (t) => {
  const run = await mlpRun();
  const { critic, data, generator, objective } = run.trainer;
  if (!critic) return t.fail('no critic');
  const rng = new Rng(7);
  tf.tidy(() => {
    const real = data.sample(BATCH, rng);
    const fake = generator.generate(generator.noise(BATCH, rng), true);
    const variables = critic.trainableVariables as tf.Variable[];
    const side = (c: Critic) => {
      const players = { critic: c, objective, plugins: run.trainer.plugins };
      const inputs = objectiveInputs(players, real, fake);
      const { grads } = tf.variableGrads(() => objective.criticLoss(objectiveInputs(players, real, fake)), variables);
      return { real: inputs.criticReal?.score, fake: inputs.criticFake?.score, grads };
    };
    const one = side(critic);
    const two = side(twoPasses(critic));
    if (!one.real || !one.fake || !two.real || !two.fake) return t.fail('no critic outputs');
    // Each row of x W is the same dot products over the same inner dimension whatever the
    // number of rows: the scores are identical.
    t.is(maxAbsDiff(one.real, two.real), 0);
    t.is(maxAbsDiff(one.fake, two.fake), 0);
    // A weight gradient x^T dy sums over 128 rows in one product instead of two sums of 64
    // that are then added: float32 rounding. Measured: at most 7.5e-7 of the largest entry,
    // for every variable; 1e-5 leaves room for other summation orders.
    for (const v of variables) {
      const a = one.grads[v.name];
      const b = two.grads[v.name];
      if (!a || !b) return t.fail(`no gradient for ${v.name}`);
      const scale = tf.tidy(() => tf.max(tf.abs(b)).dataSync()[0] ?? Number.NaN);
      // The output bias cancels in the gap: exactly zero both ways.
      if (v.name.endsWith('layer3/bias')) {
        t.is(scale, 0);
        t.is(maxAbsDiff(a, b), 0);
        continue;
      }
      t.true(scale > 0, `${v.name}: zero gradient`);
      const relative = maxAbsDiff(a, b) / scale;
      t.true(relative <= 1e-5, `${v.name}: relative difference ${String(relative)}`);
    }
  });
  run.dispose();
});

test.serial('a critic step with one pass moves the weights as with two, within float tolerance', async (t) => {
  const [oneRun, twoRun] = [await mlpRun(), await mlpRun()];
  const players = (run: Run, two: boolean): StepPlayers => {
    const { critic, data, generator, objective, constraints, plugins: contexts } = run.trainer;
    if (!critic) throw new Error('no critic');
    return { critic: two ? twoPasses(critic) : critic, data, generator, objective, constraints, plugins: contexts };
  };
  const step = (run: Run, two: boolean): number => {
    const optimizer = createOptimizer({ name: 'sgd', lr: 0.1 });
    const loss = criticStep(players(run, two), optimizer, { batchSize: BATCH, rng: new Rng(9) });
    optimizer.dispose();
    return loss;
  };
  const loss1 = step(oneRun, false);
  const loss2 = step(twoRun, true);
  // The loss is a mean of identical scores (previous test): equal.
  t.is(loss1, loss2);
  const weights = (run: Run): tf.Variable[] => (run.trainer.critic?.trainableVariables ?? []) as tf.Variable[];
  // Each weight moves by lr x gradient = 0.1 x at most 0.15 (the largest gradient entry above),
  // and the gradients agree to 1e-5 of that: the weights agree to 0.1 x 0.15 x 1e-5 = 1.5e-7.
  weights(twoRun).forEach((v, i) => {
    const w = weights(oneRun)[i];
    if (!w) return t.fail('different variables');
    assertClose(t, maxAbsDiff(w, v), 0, 1.5e-7);
  });
  oneRun.dispose();
  twoRun.dispose();
});

test.serial(
  "a lazily scored real batch read inside an objective's own tidy is scored again at the next read, never handed out disposed",
  async (t) => {
    const run = await mlpRun();
    const { critic, data, generator, objective } = run.trainer;
    if (!critic) return t.fail('no critic');
    const rng = new Rng(8);
    tf.tidy(() => {
      const real = data.sample(BATCH, rng);
      const fake = generator.generate(generator.noise(BATCH, rng), true);
      const inputs = objectiveInputs({ critic, objective, plugins: run.trainer.plugins }, real, fake, {
        lazyReal: true,
      });
      // A generator loss written as tf.tidy(() => ... inputs.criticReal ...), as Cramer GAN's is.
      const first = tf.tidy(
        () => tf.sum(inputs.criticReal?.score ?? tf.scalar(Number.NaN)).dataSync()[0] ?? Number.NaN,
      );
      const again = inputs.criticReal?.score;
      if (!again) return t.fail('no real scores');
      t.false(again.isDisposed);
      // The same critic on the same batch: the same scores.
      t.is(tf.sum(again).dataSync()[0], first);
      t.is(maxAbsDiff(again, critic.evaluate(real, true).score ?? tf.scalar(Number.NaN)), 0);
    });
    run.dispose();
  },
);
