import { Rng, tf } from '@ipmgan/core';
import { corePlugin, resolveConfig, SampleQualityEvaluator, type Run } from '@ipmgan/core/engine';
import { assertClose, killAndResume, meanDistanceToMode, openRun, ringConfig } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';
import { sobolevNorm } from './sobolevNorm.js';

const plugins = [corePlugin, ipmganPlugin];

/** Omega = E_mu ||grad_x f||^2 of the run's critic on 1024 real and 1024 generated points. */
function omegaOf(run: Run): number {
  const { critic, data, generator } = run.trainer;
  if (!critic) throw new Error('no critic');
  const rng = new Rng(23);
  return tf.tidy(() => {
    const score = (x: tf.Tensor): tf.Tensor1D => {
      const { score: s } = critic.evaluate(x, false);
      if (!s) throw new Error('the critic gives no score');
      return s;
    };
    return sobolevNorm(score, data.sample(1024, rng), generator.sample(1024, rng)).dataSync()[0] ?? Number.NaN;
  });
}

function multiplier(run: Run): number {
  return run.trainer.objective.auxiliary?.variables.lambda?.dataSync()[0] ?? Number.NaN;
}

test.serial("the resolved config carries the paper's settings: Adam 1e-4 (0.5, 0.999), n_critic 2, rho 1e-5", (t) => {
  const config = resolveConfig({ objective: { name: 'sobolev-gan' }, data: { name: 'ring8' } }, plugins);
  t.is(config.training.batchSize, 64);
  t.deepEqual(config.training.schedule, { type: 'constant', nCritic: 2 });
  const adam = { name: 'adam', lr: 1e-4, beta1: 0.5, beta2: 0.999, epsilon: 1e-8 };
  t.deepEqual(config.training.optimizers, { critic: adam, generator: adam });
  t.deepEqual(config.critic?.constraints, []);
  t.deepEqual(config.objective.options, { rho: 1e-5 });
  t.is(config.objective.package, '@ipmgan/sobolev-gan');
});

test.serial('training on the ring at the defaults brings samples to the modes', async (t) => {
  const run = await openRun({ config: ringConfig('sobolev-gan'), plugins });
  const before = meanDistanceToMode(run);
  await run.trainer.fit();
  const after = meanDistanceToMode(run);
  const metrics = new SampleQualityEvaluator().evaluate(run.trainer, 300);
  t.log(
    `distance ${before.toFixed(3)} -> ${after.toFixed(3)}; W1 ${String(metrics.w1)}; modes ${String(metrics.modesCovered)}; ` +
      `mass KL ${String(metrics.massKl)}; Omega ${omegaOf(run).toFixed(3)}; lambda ${multiplier(run).toPrecision(3)}`,
  );
  t.true(after < 0.7 * before, `after ${String(after)} vs before ${String(before)}`);
  run.dispose();
});

test.serial('100 training iterations leave tf.memory().numTensors unchanged', async (t) => {
  const run = await openRun({ config: ringConfig('sobolev-gan', { training: { iterations: 101 } }), plugins });
  await run.trainer.fit({ iterations: 1 });
  const before = tf.memory().numTensors;
  await run.trainer.fit({ iterations: 101 });
  t.is(tf.memory().numTensors, before);
  run.dispose();
});

test.serial(
  "SIGKILLed at a random iteration with the paper's Adam and resumed, metrics.jsonl, samples and the final tensors are byte-identical",
  async (t) => {
    // The multiplier lambda is the objective's auxiliary variable: the critic loss, logged
    // every iteration, reads it, so a resume that lost it differs from the next line on.
    await killAndResume(t, { config: ringConfig('sobolev-gan', { training: { iterations: 60 } }) });
  },
);
