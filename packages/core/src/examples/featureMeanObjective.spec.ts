import test from 'ava';
import { z } from 'zod';
import type { Config } from '../config/ConfigSchema.js';
import { resolveConfig } from '../config/resolveConfig.js';
import type { ConstraintExtension } from '../contracts/Extension.js';
import { lipschitzEstimate } from '../metrics/lipschitzEstimate.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import { inputGradient } from '../players/inputGradient.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { Rng } from '../random/Rng.js';
import type { Run } from '../runs/createRun.js';
import { openRun } from '../runs/openRun.js';
import { tf } from '../tensorflow.js';
import { SampleQualityEvaluator } from '../hooks/SampleQualityEvaluator.js';
import { assertClose } from '../testing/assertClose.js';
import { handBatches } from '../testing/handBatches.js';
import { objectiveConformance } from '../testing/objectiveConformance.js';
import { criticStep } from '../trainer/criticStep.js';
import { objectiveInputs } from '../trainer/objectiveInputs.js';
import { witnessOf } from '../trainer/witnessOf.js';
import { featureMeanObjective } from './featureMeanObjective.js';

/** E||grad_x score(x)||^2 at the real batch: shows which function a penalty receives as `score`. */
const gradientSquare: ConstraintExtension<Record<string, never>> = {
  kind: 'constraint',
  id: 'gradient-square',
  description: 'Adds the mean squared input-gradient norm of its score at the real batch (test constraint).',
  optionsSchema: z.strictObject({}),
  create: () => ({
    id: 'gradient-square',
    penalty: ({ real, score }) => tf.mean(tf.sum(tf.square(inputGradient(score, real)), 1)),
  }),
};

const examplePlugin = definePlugin({
  name: 'example-feature-mean',
  version: '0.0.0',
  extensions: [featureMeanObjective, gradientSquare],
});
const plugins = [corePlugin, examplePlugin];

// The objective kit an author runs, on a features critic: no autoencoder, no workaround.
objectiveConformance(test, { plugin: examplePlugin, badOptions: { features: 0 } });

const N = 3;
// m_r - m_f = (3, -1)
const { real: REAL, fake: FAKE, meanDifference: D } = handBatches;

/** A linear feature critic h(x) = x W + b, W [2, 3] (mlp without hidden layers). */
function config(constraints: string[]): Config {
  return {
    seed: 5,
    backend: 'cpu',
    objective: { name: 'feature-mean', options: { features: N } },
    data: { name: 'ring8' },
    generator: { network: { name: 'mlp', options: { hidden: [4] } } },
    critic: { network: { name: 'mlp', options: { hidden: [] } }, constraints: constraints.map((name) => ({ name })) },
    training: { iterations: 1 },
  };
}

/** W as rows [2][3] and b [3]. */
function weights(run: Run): { w: number[][]; b: number[] } {
  const [layer] = run.trainer.critic?.layers ?? [];
  if (!layer?.bias) throw new Error('one dense layer with a bias');
  const k = Array.from(layer.kernel.dataSync());
  return { w: [k.slice(0, N), k.slice(N, 2 * N)], b: Array.from(layer.bias.dataSync()) };
}

/** g = D W [3]: E_r h - E_g h (the bias cancels); W g [2]: the witness's gradient in x. */
function closedForms(w: number[][]): { g: number[]; wg: number[] } {
  const g = Array.from({ length: N }, (_, j) => D.reduce((s, d, i) => s + d * (w[i]?.[j] ?? 0), 0));
  const wg = w.map((row) => row.reduce((s, v, j) => s + v * (g[j] ?? 0), 0));
  return { g, wg };
}

const squared = (v: number[]): number => v.reduce((s, x) => s + x * x, 0);

test.serial(
  'the requirement builds a network with `features` outputs and no decoder; inputs carry features',
  async (t) => {
    const run = await openRun({ config: config([]), plugins }, { directory: null });
    const { critic } = run.trainer;
    t.is(run.config.critic?.form, 'features');
    t.is(run.config.critic?.features, N);
    t.is(critic?.form, 'features');
    t.is(critic?.networks.length, 1);
    t.deepEqual(critic?.layers[0]?.kernel.shape, [2, N]);
    const { w, b } = weights(run);
    tf.tidy(() => {
      const inputs = objectiveInputs(run.trainer, tf.tensor2d(REAL), tf.tensor2d(FAKE));
      t.is(inputs.criticReal?.score, undefined);
      t.deepEqual(inputs.criticFake?.features?.shape, [2, N]);
      // h(x) = x W + b on the second fake point (-2, 2): one pass over [real; fake], sliced back.
      const h = Array.from(inputs.criticFake?.features?.dataSync() ?? []).slice(N);
      h.forEach((v, j) => {
        assertClose(t, v, -2 * (w[0]?.[j] ?? 0) + 2 * (w[1]?.[j] ?? 0) + (b[j] ?? 0), 1e-6);
      });
      t.deepEqual(inputs.critic?.(tf.tensor2d([[0, 0]])).features?.shape, [1, N]);
    });
    run.dispose();
  },
);

test.serial('the estimate is ||D W||^2, the witness differs by it in mean, and K is ||W W^T D||', async (t) => {
  const run = await openRun({ config: config([]), plugins }, { directory: null });
  const { g, wg } = closedForms(weights(run).w);
  tf.tidy(() => {
    const real = tf.tensor2d(REAL);
    const fake = tf.tensor2d(FAKE);
    const inputs = objectiveInputs(run.trainer, real, fake, { training: false });
    assertClose(t, run.trainer.objective.estimate(inputs).dataSync()[0] ?? Number.NaN, squared(g), 1e-5);
    const witness = witnessOf(run.trainer.objective, inputs);
    if (!witness) throw new Error('feature-mean declares a witness');
    const gap = tf.sub(tf.mean(witness(real)), tf.mean(witness(fake)));
    assertClose(t, gap.dataSync()[0] ?? Number.NaN, squared(g), 1e-5);
    // The witness is linear in x with gradient W g everywhere: K is its norm, at any points.
    assertClose(t, lipschitzEstimate(witness, real, fake, new Rng(1)), Math.sqrt(squared(wg)), 1e-5);
  });
  run.dispose();
});

test.serial('an evaluation measures K on the witness; without a witness it has no K', async (t) => {
  // The same objective with its witness taken away.
  const noWitness = {
    ...featureMeanObjective,
    id: 'feature-mean-bare',
    create: (options: { features: number }) => ({
      ...featureMeanObjective.create(options),
      id: 'feature-mean-bare',
      witness: undefined,
    }),
  };
  const all = [
    corePlugin,
    definePlugin({ name: 'bare', version: '0.0.0', extensions: [featureMeanObjective, noWitness] }),
  ];
  const evaluation = { samples: 64, projections: 4 };
  for (const [name, expected] of [
    ['feature-mean', true],
    ['feature-mean-bare', false],
  ] as const) {
    const run = await openRun(
      { config: { ...config([]), objective: { name, options: { features: N } }, evaluation }, plugins: all },
      { directory: null },
    );
    const metrics = new SampleQualityEvaluator().evaluate(run.trainer, 1);
    t.is('lipschitz' in metrics, expected, name);
    if (expected) t.true(Number.isFinite(metrics.lipschitz) && (metrics.lipschitz ?? 0) > 0, String(metrics.lipschitz));
    run.dispose();
  }
});

test.serial("a penalty's `score` is the objective's witness, in the critic step", async (t) => {
  const run = await openRun({ config: config(['gradient-square']), plugins }, { directory: null });
  const { g, wg } = closedForms(weights(run).w);
  const optimizer = createOptimizer({ name: 'sgd', lr: 0 });
  const loss = criticStep(run.trainer, optimizer, handBatches.tensors);
  // criticLoss -||g||^2 plus the penalty E||grad w||^2 = ||W g||^2.
  assertClose(t, loss, -squared(g) + squared(wg), 1e-5);
  optimizer.dispose();
  run.dispose();
});

test('a config naming another critic form fails at critic.form, naming the form the objective needs', (t) => {
  t.throws(() => resolveConfig({ ...config([]), critic: { form: 'autoencoder' } }, plugins), {
    message:
      'critic.form: objective feature-mean needs a features critic (3 outputs), not autoencoder; remove critic.form or set it to features',
  });
  t.is(resolveConfig({ ...config([]), critic: { form: 'features' } }, plugins).critic?.features, N);
});
