import test from 'ava';
import { z } from 'zod';
import { weightClipping } from '../constraints/weightClipping.js';
import type { Constraint } from '../contracts/Constraint.js';
import type { ConstraintExtension } from '../contracts/Extension.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { tf } from '../tensorflow.js';
import type { ConformanceTest } from './ConformanceTest.js';
import { constraintConformance } from './constraintConformance.js';
import { kitFailures } from './kitFailures.js';

const pluginOf = (constraint: ConstraintExtension) =>
  definePlugin({ name: '@ipmgan/constraint-conformance-spec', version: '0.0.0', extensions: [constraint] });

const Weight = z.strictObject({ weight: z.number().positive().default(1) });

/**
 * A penalty on random interpolates that also reparametrises (W -> W / max(1, ||W||)) and
 * keeps a declared step count that scales the penalty: every mechanism, a stream and state.
 */
const interpolatePenalty: ConstraintExtension<z.output<typeof Weight>> = {
  kind: 'constraint',
  id: 'interpolate-penalty',
  description: 'Mean squared score on random interpolates, scaled by 1 + steps / 100 (kit fixture).',
  optionsSchema: Weight,
  create: ({ weight }) => {
    let steps = 0;
    return {
      id: 'interpolate-penalty',
      penalty({ real, fake, score }, context) {
        const [batch = 0] = real.shape;
        const u = tf.randomUniform([batch, 1], 0, 1, 'float32', context.rng.seed()); // [batch, 1]
        const xHat = tf.add(real, tf.mul(u, tf.sub(fake, real)));
        return tf.mul(weight * (1 + steps / 100), tf.mean(tf.square(score(xHat))));
      },
      afterCriticStep() {
        steps += 1;
      },
      reparametrise: ({ kernel }) => tf.div(kernel, tf.maximum(1, tf.norm(kernel))),
      state: {
        save: () => steps,
        restore: (saved) => {
          steps = saved as number;
        },
      },
    };
  },
};

// The kit on core's weight clipping (a projection) and on the fixture (all three mechanisms).
constraintConformance(test, { plugin: pluginOf(weightClipping), badOptions: { clip: -1 } });
constraintConformance(test, { plugin: pluginOf(interpolatePenalty), badOptions: { weight: 0 } });

/** The fixture with one part of its constraint replaced by a defect. */
function broken(patch: (constraint: Constraint) => Partial<Constraint>): ConstraintExtension {
  return {
    ...interpolatePenalty,
    create: (options: unknown) => {
      const constraint = interpolatePenalty.create(interpolatePenalty.optionsSchema.parse(options));
      return { ...constraint, ...patch(constraint) };
    },
  };
}

/** The kit's tests for `constraint`, registered outside ava: [title, implementation]. */
function registered(constraint: ConstraintExtension, badOptions: Record<string, unknown> = { weight: 0 }) {
  const tests: [string, Parameters<ConformanceTest['serial']>[1]][] = [];
  constraintConformance(
    { serial: (title, implementation) => tests.push([title, implementation]) },
    { plugin: pluginOf(constraint), badOptions },
  );
  return tests;
}

/** Runs the kit's tests outside ava and returns the titles that failed. */
async function failures(constraint: ConstraintExtension): Promise<string[]> {
  return kitFailures(registered(constraint), /^interpolate-penalty:? /);
}

const PENALTY = "(penalty): a finite scalar that reaches the critic's weights and draws only from its context";
const PROJECTION =
  "(afterCriticStep): a projection: a second call leaves the critic's weights where the first left them (to 2^-20 relative)";
const REPARAMETRISATION = '(reparametrise): every kernel keeps its shape';
const RESUME = 'stopped at 3 and resumed to 6, a run equals one run straight';

test.serial('the kit fails a penalty that draws from an unseeded op instead of its context', async (t) => {
  const defect = broken((c) => ({
    penalty: (inputs, context) =>
      tf.add(c.penalty?.(inputs, context) ?? tf.scalar(0), tf.mul(1e-3, tf.sum(tf.randomUniform([1])))),
  }));
  t.deepEqual(await failures(defect), [PENALTY, RESUME]);
});

test.serial('the kit fails a constraint whose state is not declared', async (t) => {
  const defect = broken(() => ({ state: undefined }));
  t.deepEqual(await failures(defect), [RESUME]);
});

test.serial('the kit fails a penalty that keeps a tensor on every call', async (t) => {
  const defect = broken((c) => ({
    penalty: (inputs, context) => tf.keep(c.penalty?.(inputs, context) ?? tf.scalar(0)),
  }));
  t.deepEqual(await failures(defect), ['10 critic steps with the constraint leak no tensor']);
});

test.serial(
  'the kit fails a reparametrisation that changes the kernel shape, and a penalty that is not a scalar',
  async (t) => {
    const reshaped = broken(() => ({ reparametrise: ({ kernel }) => tf.reshape(kernel, [-1]) }));
    t.true((await failures(reshaped)).includes(REPARAMETRISATION));
    const vector = broken((c) => ({
      penalty: (inputs, context) => tf.reshape<tf.Rank.R0>(c.penalty?.(inputs, context) ?? tf.scalar(0), [1]),
    }));
    t.true((await failures(vector)).includes(PENALTY));
  },
);

test.serial('the kit fails a constraint with no mechanism and one whose create() returns another id', async (t) => {
  const inert = broken(() => ({ penalty: undefined, afterCriticStep: undefined, reparametrise: undefined }));
  t.true((await failures(inert)).includes('metadata is complete and create() returns a constraint with a mechanism'));
  const renamed = broken(() => ({ id: 'other' }));
  t.true((await failures(renamed)).includes('metadata is complete and create() returns a constraint with a mechanism'));
});

test.serial('the kit registers a check for each mechanism a constraint has and none for those it lacks', (t) => {
  const titles = (constraint: ConstraintExtension, bad: Record<string, unknown>) =>
    registered(constraint, bad).map(([title]) => title);
  // Weight clipping only projects: no penalty check, no reparametrisation check.
  t.deepEqual(titles(weightClipping, { clip: -1 }), [
    'weight-clipping: metadata is complete and create() returns a constraint with a mechanism',
    'weight-clipping: the options schema rejects a bad option by name',
    `weight-clipping ${PROJECTION}`,
    'weight-clipping: 10 critic steps with the constraint leak no tensor',
    'weight-clipping: stopped at 3 and resumed to 6, a run equals one run straight',
  ]);
  const penaltyOnly = broken(() => ({ afterCriticStep: undefined, reparametrise: undefined }));
  t.deepEqual(
    titles(penaltyOnly, { weight: 0 }).filter((title) => title.startsWith('interpolate-penalty (')),
    [`interpolate-penalty ${PENALTY}`],
  );
  t.deepEqual(
    titles(interpolatePenalty, { weight: 0 }).filter((title) => title.startsWith('interpolate-penalty (')),
    [`interpolate-penalty ${PENALTY}`, `interpolate-penalty ${PROJECTION}`, `interpolate-penalty ${REPARAMETRISATION}`],
  );
});

test.serial('the kit fails a projection that is not idempotent (it shrinks the weights on every call)', async (t) => {
  const defect = broken(() => ({
    afterCriticStep: (critic) => {
      for (const v of critic.trainableVariables) {
        tf.tidy(() => {
          v.assign(tf.mul(v, 0.5));
        });
      }
    },
  }));
  t.deepEqual(await failures(defect), [PROJECTION]);
});
