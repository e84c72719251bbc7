import test from 'ava';
import type { ObjectiveExtension } from '../contracts/Extension.js';
import type { Objective } from '../contracts/Objective.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { tf } from '../tensorflow.js';
import type { ConformanceTest } from './ConformanceTest.js';
import { linearGapObjective } from './linearGapObjective.js';
import { objectiveConformance } from './objectiveConformance.js';

const pluginOf = (objective: ObjectiveExtension) =>
  definePlugin({ name: '@ipmgan/conformance-spec', version: '0.0.0', extensions: [objective] });

// The kit on core's own test objective, with and without a critic.
objectiveConformance(test, { plugin: pluginOf(linearGapObjective), badOptions: { nanFrom: -1 } });
objectiveConformance(test, {
  plugin: pluginOf(linearGapObjective),
  options: { withoutCritic: true },
  badOptions: { nanFrom: -1 },
});

/** linear-gap with one method of its objective replaced by a defect. */
function broken(patch: (objective: Objective) => Partial<Objective>): ObjectiveExtension {
  return {
    ...linearGapObjective,
    create: (options: unknown) => {
      const objective = linearGapObjective.create(linearGapObjective.optionsSchema.parse(options));
      return { ...objective, ...patch(objective) };
    },
  };
}

/** Runs the kit's tests outside ava and returns the titles that failed. */
async function failures(objective: ObjectiveExtension): Promise<string[]> {
  const registered: [string, Parameters<ConformanceTest['serial']>[1]][] = [];
  objectiveConformance(
    { serial: (title, implementation) => registered.push([title, implementation]) },
    { plugin: pluginOf(objective), badOptions: { nanFrom: -1 } },
  );
  const failed: string[] = [];
  for (const [title, implementation] of registered) {
    let ok = true;
    try {
      await implementation({ true: (value) => (ok &&= value), log: () => undefined });
    } catch {
      ok = false;
    }
    if (!ok) failed.push(title.replace('linear-gap: ', ''));
  }
  return failed;
}

test.serial('the kit fails an objective whose estimate is not a scalar', async (t) => {
  const defect = broken((o) => ({ estimate: (inputs) => tf.reshape<tf.Rank.R0>(o.estimate(inputs), [1]) }));
  t.deepEqual(await failures(defect), ['losses and estimate are finite scalars']);
});

test.serial('the kit fails an objective whose estimate keeps a tensor on every call', async (t) => {
  const defect = broken((o) => ({ estimate: (inputs) => tf.keep(o.estimate(inputs)) }));
  t.deepEqual(await failures(defect), ['20 calls of every loss, estimate and gradient leak no tensor']);
});

test.serial(
  'the kit fails an estimate that is not 0 on identical samples and one that ignores the shift',
  async (t) => {
    const offset = broken((o) => ({ estimate: (inputs) => tf.add(o.estimate(inputs), 0.5) }));
    t.deepEqual(await failures(offset), ['the estimate is 0 on identical samples (exact)']);
    const blind = broken(() => ({ estimate: () => tf.scalar(0) }));
    t.deepEqual(await failures(blind), ['the estimate grows as the fake Gaussian moves away']);
  },
);

test.serial('the kit fails a generator loss that does not reach the generator', async (t) => {
  // The critic's score on the real batch only: no path from the generator's weights.
  const defect = broken(() => ({
    generatorLoss: (inputs) => tf.neg(tf.mean<tf.Scalar>(inputs.criticReal?.score ?? tf.zeros([1]))),
  }));
  // The leak check fails too: tf.variableGrads throws on a loss with no path to the variables.
  t.deepEqual(await failures(defect), [
    'gradients reach every generator variable and every critic weight',
    '20 calls of every loss, estimate and gradient leak no tensor',
  ]);
});
