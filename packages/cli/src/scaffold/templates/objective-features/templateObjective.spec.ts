import { tf, type ObjectiveInputs } from '@ipmgan/core';
import { corePlugin, resolveConfig } from '@ipmgan/core/engine';
import { assertClose, openRun, ringConfig, testPluginContext } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';
import { templateObjective } from './templateObjective.js';

const plugins = [corePlugin, ipmganPlugin];

test.before(async () => {
  await tf.setBackend('cpu');
});

/** The ring run with n = 8 features, on the cpu backend. */
const config = (critic: Record<string, unknown> = {}) =>
  ringConfig('template-objective', {
    backend: 'cpu',
    objective: { name: 'template-objective', options: { features: 8 } },
    critic: { network: { name: 'mlp', options: { hidden: [16] } }, ...critic },
  });

test.serial(
  'core builds the critic requires names: one network with n outputs, no decoder, no constraint',
  async (t) => {
    const resolved = resolveConfig(config(), plugins);
    t.like(resolved.critic, { form: 'features', features: 8, decoder: null, constraints: [] });
    const run = await openRun({ resolved, plugins }, { directory: null });
    const critic = run.trainer.critic;
    t.is(critic?.networks.length, 1);
    const shape = tf.tidy(() => critic?.evaluate(tf.zeros([5, 2]), false).features?.shape);
    t.deepEqual(shape, [5, 8]);
    run.dispose();
  },
);

test.serial('a config that asks for an autoencoder critic is refused, naming critic.form', (t) => {
  const error = t.throws(() => resolveConfig(config({ form: 'autoencoder' }), plugins));
  t.regex(error.message, /^critic\.form: /);
});

test.serial("the witness's mean difference on the inputs' own batches is the estimate", (t) => {
  // A linear feature map h(x) = x W, W = [[1, 0], [0, 2]]: E_r[h] = (1, 2), E_g[h] = (0, 0).
  const objective = templateObjective.create(templateObjective.optionsSchema.parse({ features: 2 }));
  const h = (x: tf.Tensor) => ({
    features: tf.matMul<tf.Tensor2D>(
      x,
      tf.tensor2d([
        [1, 0],
        [0, 2],
      ]),
    ),
  });
  tf.tidy(() => {
    const real = tf.tensor2d([
      [1, 1],
      [1, 1],
    ]);
    const fake = tf.tensor2d([
      [1, -1],
      [-1, 1],
    ]);
    const inputs: ObjectiveInputs = {
      real,
      fake,
      criticReal: h(real),
      criticFake: h(fake),
      critic: h,
      context: testPluginContext(),
    };
    const estimate = objective.estimate(inputs).dataSync()[0] ?? Number.NaN;
    assertClose(t, estimate, Math.sqrt(5)); // ||(1, 2)||
    const witness = (x: tf.Tensor) => tf.mean(objective.witness?.(inputs, x) ?? tf.scalar(Number.NaN));
    assertClose(t, tf.sub(witness(real), witness(fake)).dataSync()[0] ?? Number.NaN, estimate, 1e-5);
  });
});
