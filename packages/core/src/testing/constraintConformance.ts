import { resolveConfig } from '../config/resolveConfig.js';
import type { Config } from '../config/ConfigSchema.js';
import type { Constraint } from '../contracts/Constraint.js';
import type { ConstraintExtension } from '../contracts/Extension.js';
import { scoreOf } from '../contracts/scoreOf.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import { OptimizerConfigSchema } from '../optimizers/OptimizerConfig.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { Rng } from '../random/Rng.js';
import type { Run } from '../runs/createRun.js';
import { openRun } from '../runs/openRun.js';
import { tf } from '../tensorflow.js';
import { criticStep } from '../trainer/criticStep.js';
import { PluginContexts } from '../trainer/PluginContexts.js';
import { assertStopResumeExact } from './assertStopResumeExact.js';
import type { ConformanceTest } from './ConformanceTest.js';
import type { ConstraintConformanceOptions } from './ConstraintConformanceOptions.js';
import { linearGapObjective } from './linearGapObjective.js';
import { kitBackend } from './kitBackend.js';

const BATCH = 32;
/** Iterations of the resume check: RESUME_AT, a checkpoint, then on to RESUME_TO. */
const RESUME_AT = 3;
const RESUME_TO = 6;
const KIT_OPTIMIZER = OptimizerConfigSchema.parse({ name: 'adam', lr: 1e-3 });

function constraintOf(options: ConstraintConformanceOptions): ConstraintExtension {
  const all = options.plugin.extensions.filter((e): e is ConstraintExtension => e.kind === 'constraint');
  const found =
    options.constraint === undefined
      ? all.length === 1
        ? all[0]
        : undefined
      : all.find((e) => e.id === options.constraint);
  if (!found)
    throw new Error(
      `${options.plugin.name}: name the constraint to test (constraint: one of ${all.map((e) => e.id).join(', ')})`,
    );
  return found;
}

/** The kit's objective (core's linear-gap), so that only the constraint under test varies. */
const kitObjective = definePlugin({
  name: '@ipmgan/constraint-kit',
  version: '0.0.0',
  extensions: [linearGapObjective],
});

/** A run on ring8 with a 2 -> 16 -> 16 -> 1 critic, the constraint the critic's only one. */
function kitConfig(options: ConstraintConformanceOptions, id: string, iterations: number): Config {
  const small = { name: 'mlp', options: { hidden: [16, 16] } };
  return {
    seed: 13,
    backend: kitBackend(),
    objective: { name: 'linear-gap' },
    data: { name: 'ring8' },
    generator: { network: small },
    critic: { network: small, constraints: [{ name: id, options: options.options ?? {} }] },
    training: { iterations, batchSize: BATCH, optimizers: { critic: KIT_OPTIMIZER, generator: KIT_OPTIMIZER } },
    run: { logEvery: 1, checkpointEvery: RESUME_AT },
  };
}

function pluginsOf(options: ConstraintConformanceOptions): IpmPlugin[] {
  return [corePlugin, kitObjective, options.plugin];
}

async function openKitRun(options: ConstraintConformanceOptions, id: string): Promise<Run> {
  const plugins = pluginsOf(options);
  return openRun({ config: kitConfig(options, id, RESUME_TO), plugins }, { directory: null });
}

function theConstraint(run: Run): Constraint {
  const [constraint] = run.trainer.constraints;
  if (!constraint) throw new Error('the kit run has no constraint');
  return constraint;
}

/** The penalty on a fixed batch with a fresh context of the constraint's key (seed 13), read as a number. */
function penaltyValue(run: Run, constraint: Constraint): number {
  const critic = run.trainer.critic;
  if (!critic || !constraint.penalty) return Number.NaN;
  const context = new PluginContexts(13).contextFor(PluginContexts.constraintKey(constraint.id, 0));
  return tf.tidy(() => {
    const rng = new Rng(1);
    const real = run.trainer.data.sample(BATCH, rng);
    const fake = run.trainer.generator.sample(BATCH, rng, true);
    const value = constraint.penalty?.(
      { real, fake, score: (x) => scoreOf(critic.evaluate(x, true), 'constraint kit') },
      context,
    );
    return value?.dataSync()[0] ?? Number.NaN;
  });
}

/** The mechanisms a constraint has, in the contract's order: the kit registers a check for each. */
function mechanismsOf(constraint: Constraint): ('penalty' | 'afterCriticStep' | 'reparametrise')[] {
  return (['penalty', 'afterCriticStep', 'reparametrise'] as const).filter((m) => constraint[m] !== undefined);
}

/** Every critic variable's values, flattened, in order. */
function criticValues(run: Run): number[][] {
  return (run.trainer.critic?.trainableVariables ?? []).map((v) => Array.from(v.dataSync()));
}

/**
 * Registers the shared contract every constraint plugin passes, as serial ava tests:
 * `constraintConformance(test, { plugin: ipmganPlugin, badOptions: {...} })`. Always: the
 * metadata and options schema are sound and it uses at least one mechanism; critic steps leak
 * no tensor; a run with the constraint stopped and resumed continues exactly (every random
 * stream and declared state saved), on core's linear-gap objective. Then one check per
 * mechanism the constraint has (create() with the given options says which; the title names
 * it), and none for those it lacks: a penalty is a finite scalar with a gradient in the
 * critic's weights that draws only from its context's stream; a projection (afterCriticStep)
 * is idempotent on the critic's weights; a reparametrisation keeps each kernel's shape.
 */
export function constraintConformance(test: ConformanceTest, options: ConstraintConformanceOptions): void {
  const extension = constraintOf(options);
  const label = options.options === undefined ? extension.id : `${extension.id} ${JSON.stringify(options.options)}`;
  const mechanisms = mechanismsOf(extension.create(extension.optionsSchema.parse(options.options ?? {})));

  test.serial(`${label}: metadata is complete and create() returns a constraint with a mechanism`, (t) => {
    t.true(/^[a-z0-9][a-z0-9-]*$/.test(extension.id), `id "${extension.id}" is lower-case kebab`);
    t.true(extension.description.trim().length > 0, 'description is empty');
    t.true(options.plugin.name.trim().length > 0 && options.plugin.version.trim().length > 0, 'plugin name/version');
    const constraint = extension.create(extension.optionsSchema.parse(options.options ?? {}));
    t.true(constraint.id === extension.id, `create() returns id "${constraint.id}", not "${extension.id}"`);
    t.true(mechanismsOf(constraint).length > 0, 'the constraint has no penalty, afterCriticStep or reparametrise');
  });

  test.serial(`${label}: the options schema rejects a bad option by name`, (t) => {
    const field = Object.keys(options.badOptions)[0] ?? '';
    t.true(field !== '', 'badOptions names no field');
    let message = '';
    try {
      const config = kitConfig({ ...options, options: options.badOptions }, extension.id, 1);
      resolveConfig(config, pluginsOf(options));
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    const expected = `critic.constraints.0.options.${field}`;
    t.true(message.includes(expected), `error "${message}" does not name ${expected}`);
  });

  if (mechanisms.includes('penalty'))
    test.serial(
      `${label} (penalty): a finite scalar that reaches the critic's weights and draws only from its context`,
      async (t) => {
        const run = await openKitRun(options, extension.id);
        const constraint = theConstraint(run);
        const critic = run.trainer.critic;
        const penalty = constraint.penalty?.bind(constraint);
        t.true(penalty !== undefined && critic !== null, 'the run has no penalty on its critic');
        if (!penalty || !critic) {
          run.dispose();
          return;
        }
        const first = penaltyValue(run, constraint);
        const second = penaltyValue(run, constraint);
        t.true(Number.isFinite(first), `penalty is ${String(first)}`);
        t.true(first === second, `two contexts with the same stream give ${String(first)} and ${String(second)}`);
        tf.tidy(() => {
          const rng = new Rng(2);
          const real = run.trainer.data.sample(BATCH, rng);
          const fake = run.trainer.generator.sample(BATCH, rng, true);
          const context = new PluginContexts(13).contextFor('kit');
          const score = (x: tf.Tensor): tf.Tensor1D => scoreOf(critic.evaluate(x, true), 'constraint kit');
          const value = penalty({ real, fake, score }, context);
          t.true(value.shape.length === 0, `penalty has shape [${value.shape.join(', ')}], not []`);
          const { grads } = tf.variableGrads(
            () => penalty({ real, fake, score }, context),
            critic.trainableVariables as tf.Variable[],
          );
          const finite = Object.values(grads).every((g) => g.dataSync().every(Number.isFinite));
          t.true(Object.keys(grads).length > 0 && finite, 'the penalty has no finite gradient in the critic weights');
        });
        run.dispose();
      },
    );

  if (mechanisms.includes('afterCriticStep'))
    test.serial(
      `${label} (afterCriticStep): a projection: a second call leaves the critic's weights where the first left them (to 2^-20 relative)`,
      async (t) => {
        const run = await openKitRun(options, extension.id);
        const constraint = theConstraint(run);
        const critic = run.trainer.critic;
        t.true(constraint.afterCriticStep !== undefined && critic !== null, 'the run has no projection on its critic');
        if (!constraint.afterCriticStep || !critic) {
          run.dispose();
          return;
        }
        const optimizer = createOptimizer(KIT_OPTIMIZER);
        criticStep(run.trainer, optimizer, { batchSize: BATCH, rng: new Rng(4) }); // ends with the projection
        const once = criticValues(run);
        const context = new PluginContexts(13).contextFor(PluginContexts.constraintKey(constraint.id, 0));
        constraint.afterCriticStep(critic, context);
        const twice = criticValues(run);
        t.true(once.flat().every(Number.isFinite), 'a critic weight is not finite after the projection');
        // Within 2^-20 of the variable's largest entry (a few float32 ulps): a norm-ball projection
        // recomputes r / ||W|| from a W it already scaled, so it is idempotent up to rounding.
        twice.forEach((values, i) => {
          const first = once[i] ?? [];
          const scale = Math.max(...first.map(Math.abs));
          const moved = Math.max(...values.map((v, j) => Math.abs(v - (first[j] ?? Number.NaN))));
          t.true(
            moved <= scale * 2 ** -20,
            `critic variable ${String(i)} moved by ${String(moved)} (largest entry ${String(scale)}) when projected again`,
          );
        });
        optimizer.dispose();
        run.dispose();
      },
    );

  if (mechanisms.includes('reparametrise'))
    test.serial(`${label} (reparametrise): every kernel keeps its shape`, async (t) => {
      const run = await openKitRun(options, extension.id);
      const layers = run.trainer.critic?.layers ?? [];
      t.true(theConstraint(run).reparametrise !== undefined, 'the run has no reparametrisation');
      t.true(
        layers.length > 0 && layers.every((layer) => layer.transform !== null),
        'the reparametrisation is not installed on every critic layer',
      );
      for (const layer of layers) {
        const shape = tf.tidy(() => layer.transform?.(layer.kernel, false).shape ?? []);
        t.true(
          shape.join(',') === layer.kernel.shape.join(','),
          `layer ${layer.name}: [${shape.join(', ')}] instead of [${layer.kernel.shape.join(', ')}]`,
        );
      }
      run.dispose();
    });

  test.serial(`${label}: 10 critic steps with the constraint leak no tensor`, async (t) => {
    const run = await openKitRun(options, extension.id);
    const optimizer = createOptimizer(KIT_OPTIMIZER);
    const rng = new Rng(3);
    criticStep(run.trainer, optimizer, { batchSize: BATCH, rng }); // slots and caches on the first step
    const before = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) criticStep(run.trainer, optimizer, { batchSize: BATCH, rng });
    const after = tf.memory().numTensors;
    t.true(after === before, `${String(after - before)} tensors leaked over 10 critic steps`);
    optimizer.dispose();
    run.dispose();
  });

  test.serial(
    `${label}: stopped at ${String(RESUME_AT)} and resumed to ${String(RESUME_TO)}, a run equals one run straight`,
    async (t) => {
      await assertStopResumeExact(t, kitConfig(options, extension.id, RESUME_TO), pluginsOf(options), RESUME_AT);
    },
  );
}
