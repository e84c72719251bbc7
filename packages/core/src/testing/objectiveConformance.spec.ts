import test from 'ava';
import type { ObjectiveExtension } from '../contracts/Extension.js';
import type { CriticOutput } from '../contracts/Critic.js';
import type { Objective } from '../contracts/Objective.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { tf } from '../tensorflow.js';
import type { ConformanceTest } from './ConformanceTest.js';
import { linearGapObjective } from './linearGapObjective.js';
import { objectiveConformance } from './objectiveConformance.js';
import { kitFailures } from './kitFailures.js';

const pluginOf = (objective: ObjectiveExtension) =>
  definePlugin({ name: '@ipmgan/conformance-spec', version: '0.0.0', extensions: [objective] });

/**
 * linear-gap with a Lagrange multiplier of its own (Fisher GAN's shape): the critic loss adds
 * -lambda (1 - Omega), Omega = (E[f(x)^2] + E[f(g(z))^2]) / 2, and lambda steps by 1e-4 times
 * its gradient after every critic step (lambda <- lambda - 1e-4 (1 - Omega): slow, so that the
 * gap still drives the critic under linear-gap's clipping).
 */
const multiplierGap: ObjectiveExtension<{ nanFrom: number; withoutCritic: boolean }> = {
  ...linearGapObjective,
  id: 'multiplier-gap',
  description: 'linear-gap minus lambda (1 - Omega), lambda its own variable (kit fixture).',
  create: (options) => {
    const base = linearGapObjective.create(options);
    let lambda: tf.Variable<tf.Rank.R0> | undefined;
    const multiplier = (): tf.Variable<tf.Rank.R0> => (lambda ??= tf.variable(tf.scalar(0), true));
    return {
      ...base,
      id: 'multiplier-gap',
      criticLoss: (inputs) =>
        tf.tidy(() => {
          const square = (output?: CriticOutput) => tf.mean(tf.square(output?.score ?? tf.zeros([1])));
          const omega = tf.mul(0.5, tf.add(square(inputs.criticReal), square(inputs.criticFake)));
          return tf.sub(base.criticLoss(inputs), tf.mul(multiplier(), tf.sub(1, omega)));
        }),
      get auxiliary() {
        return {
          variables: { lambda: multiplier() },
          update: (gradients: Readonly<Record<string, tf.Tensor>>) => {
            const gradient = gradients.lambda ?? tf.scalar(0);
            tf.tidy(() => {
              multiplier().assign(tf.add(multiplier(), tf.mul(1e-4, tf.reshape(gradient, []))));
            });
          },
        };
      },
    };
  },
};

// The kit on core's own test objective, with and without a critic, and on the fixture above.
objectiveConformance(test, { plugin: pluginOf(linearGapObjective), badOptions: { nanFrom: -1 } });
objectiveConformance(test, {
  plugin: pluginOf(linearGapObjective),
  options: { withoutCritic: true },
  badOptions: { nanFrom: -1 },
});
objectiveConformance(test, { plugin: pluginOf(multiplierGap), badOptions: { nanFrom: -1 } });

/** An objective (linear-gap unless named) with part of it replaced by a defect. */
function broken(
  patch: (objective: Objective) => Partial<Objective>,
  of: ObjectiveExtension<{ nanFrom: number; withoutCritic: boolean }> = linearGapObjective,
): ObjectiveExtension {
  return {
    ...of,
    create: (options: unknown) => {
      const objective = of.create(of.optionsSchema.parse(options));
      return { ...objective, ...patch(objective) };
    },
  };
}

/** The kit's tests for `objective`, registered outside ava: [title, implementation]. */
function registered(objective: ObjectiveExtension, options?: Record<string, unknown>) {
  const tests: [string, Parameters<ConformanceTest['serial']>[1]][] = [];
  objectiveConformance(
    { serial: (title, implementation) => tests.push([title, implementation]) },
    { plugin: pluginOf(objective), badOptions: { nanFrom: -1 }, ...(options ? { options } : {}) },
  );
  return tests;
}

/** Runs the kit's tests outside ava and returns the titles that failed, without the id. */
async function failures(objective: ObjectiveExtension): Promise<string[]> {
  return kitFailures(registered(objective), /^[a-z-]+:? /);
}

const AUXILIARY =
  "(auxiliary variables): a critic step moves each by the objective's own update, with the critic's optimizer at rate 0";
const RESUME = 'stopped at 3 and resumed to 6 with its default optimizers, a run equals one run straight';

test.serial('the kit fails an objective whose estimate is not a scalar', async (t) => {
  const defect = broken((o) => ({ estimate: (inputs) => tf.reshape<tf.Rank.R0>(o.estimate(inputs), [1]) }));
  t.deepEqual(await failures(defect), ['the critic loss, generator loss and estimate are finite scalars']);
});

test.serial('the kit fails a requirement that refuses a constraint without saying why', async (t) => {
  const defect = broken((o) => ({
    requires: { ...o.requires, refusesConstraints: [{ id: 'spectral-norm', reason: ' ' }] },
  }));
  t.deepEqual(await failures(defect), ['metadata is complete and the defaults are valid']);
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
  // The kit's inputs score [real; fake] in one pass (the MLP critic is samplewise), so the
  // slice for the real rows has a path to the generator with a zero gradient: variableGrads
  // does not throw and the leak check passes. The gradient check catches the defect...
  t.deepEqual(await failures(defect), [
    'gradients reach every generator variable and every critic weight',
    // ... and so does training: the generator step scores the fake batch alone, and its
    // loss has no path to the generator's weights.
    RESUME,
  ]);
});

test.serial(
  'the kit registers the critic checks only for an objective with a critic, the auxiliary check only where declared',
  (t) => {
    const titles = (objective: ObjectiveExtension, options?: Record<string, unknown>) =>
      registered(objective, options).map(([title]) => title);
    t.deepEqual(titles(linearGapObjective, { withoutCritic: true }), [
      'linear-gap {"withoutCritic":true}: metadata is complete and the defaults are valid',
      'linear-gap {"withoutCritic":true}: the options schema accepts {} and rejects a bad option by name',
      'linear-gap {"withoutCritic":true} (no critic): the generator loss and estimate are finite scalars',
      'linear-gap {"withoutCritic":true} (no critic): gradients reach every generator variable',
      'linear-gap {"withoutCritic":true}: the estimate is 0 on identical samples (exact)',
      'linear-gap {"withoutCritic":true}: the estimate grows as the fake Gaussian moves away',
      'linear-gap {"withoutCritic":true}: 20 calls of every loss, estimate and gradient leak no tensor',
      `linear-gap {"withoutCritic":true}: ${RESUME}`,
    ]);
    t.false(titles(linearGapObjective).some((title) => title.startsWith('linear-gap (')));
    t.deepEqual(
      titles(multiplierGap).filter((title) => title.includes('auxiliary')),
      [`multiplier-gap ${AUXILIARY}`],
    );
    // Registering reads no auxiliary variable: the fixture's getter would make one.
    const before = tf.memory().numTensors;
    titles(multiplierGap);
    t.is(tf.memory().numTensors, before);
  },
);

test.serial('the kit fails auxiliary variables whose update does nothing', async (t) => {
  const frozen = broken((o) => {
    const auxiliary = o.auxiliary;
    return auxiliary ? { auxiliary: { variables: auxiliary.variables, update: () => undefined } } : {};
  }, multiplierGap);
  t.deepEqual(await failures(frozen), [AUXILIARY]);
});

test.serial(
  'the kit fails an objective with state it does not declare (a step counter in its critic loss)',
  async (t) => {
    const counting = broken((o) => {
      let calls = 0;
      return {
        criticLoss: (inputs) => {
          calls += 1;
          return tf.tidy(() => tf.mul(o.criticLoss(inputs), 1 + calls / 100));
        },
      };
    });
    t.deepEqual(await failures(counting), [RESUME]);
  },
);
