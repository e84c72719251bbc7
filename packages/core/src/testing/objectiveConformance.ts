import { builtinConstraints } from '../constraints/builtinConstraints.js';
import type { Config } from '../config/ConfigSchema.js';
import { resolveConfig } from '../config/resolveConfig.js';
import type { ObjectiveExtension } from '../contracts/Extension.js';
import type { Objective, ObjectiveInputs } from '../contracts/Objective.js';
import { createOptimizer } from '../optimizers/createOptimizer.js';
import { OptimizerConfigSchema } from '../optimizers/OptimizerConfig.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { Rng } from '../random/Rng.js';
import type { Run } from '../runs/createRun.js';
import { openRun } from '../runs/openRun.js';
import { tf } from '../tensorflow.js';
import { criticStep } from '../trainer/criticStep.js';
import { objectiveInputs } from '../trainer/objectiveInputs.js';
import { ScheduleConfigSchema } from '../trainer/ScheduleConfig.js';
import { assertStopResumeExact } from './assertStopResumeExact.js';
import type { ConformanceAssertions, ConformanceTest } from './ConformanceTest.js';
import type { ObjectiveConformanceOptions } from './ObjectiveConformanceOptions.js';
import { kitBackend } from './kitBackend.js';

/** Batch size of every kit check: small, so the whole kit runs in seconds on the cpu backend. */
const BATCH = 64;
/**
 * Critic steps before the estimate is read, at each shift; the same budget for every objective.
 * 40: with Adam at 1e-3 every official objective orders its estimates at shifts 0 < 1 < 3 by
 * then (150 before: 450 steps made this the kit's slowest check, about 2 minutes for a kernel
 * objective's feature critic on the cpu backend).
 */
const CRITIC_STEPS = 40;
/** One optimizer for every objective's critic, so that the kit compares objectives, not tuning. */
const KIT_OPTIMIZER = OptimizerConfigSchema.parse({ name: 'adam', lr: 1e-3 });
/** Shifts 0 < a < b of the fake Gaussian N((s, 0), I) against the real N(0, I). */
const SHIFTS = [0, 1, 3] as const;
/** Batches averaged per estimate. */
const DRAWS = 8;
/** Batches averaged for `estimateOnIdentical: 'expectation'`. */
const EXPECTATION_DRAWS = 200;

function read(x: tf.Tensor): number {
  return x.dataSync()[0] ?? Number.NaN;
}

function objectiveOf(options: ObjectiveConformanceOptions): ObjectiveExtension {
  const objectives = options.plugin.extensions.filter((e): e is ObjectiveExtension => e.kind === 'objective');
  const found =
    options.objective === undefined
      ? objectives.length === 1
        ? objectives[0]
        : undefined
      : objectives.find((e) => e.id === options.objective);
  if (!found)
    throw new Error(
      `${options.plugin.name}: name the objective to test (objective: one of ${objectives.map((e) => e.id).join(', ')})`,
    );
  return found;
}

/** Iterations of the resume check: RESUME_AT, a checkpoint, then on to RESUME_TO. */
const RESUME_AT = 3;
const RESUME_TO = 6;

/**
 * The kit's run: ring8, 2 -> 16 -> 16 networks, cpu backend (kitBackend), the objective's own defaults
 * (batch, schedule, optimizers, constraints) otherwise; logged and checkpointed for the
 * resume check.
 */
function kitConfig(options: ObjectiveConformanceOptions, id: string, iterations: number): Config {
  const small = { name: 'mlp', options: { hidden: [16, 16] } };
  return {
    seed: 11,
    backend: kitBackend(),
    objective: { name: id, options: options.options ?? {} },
    data: { name: 'ring8' },
    generator: { network: small },
    critic: { network: small, codeSize: 4 },
    training: { iterations },
    run: { logEvery: 1, checkpointEvery: RESUME_AT },
  };
}

const pluginsOf = (options: ObjectiveConformanceOptions) => [corePlugin, options.plugin];

/** A kit run with no run directory. */
async function openKitRun(options: ObjectiveConformanceOptions, id: string): Promise<Run> {
  const plugins = pluginsOf(options);
  return openRun({ config: kitConfig(options, id, 1), plugins }, { directory: null });
}

/**
 * Whether an objective declares auxiliary variables, without reading them: a getter may make
 * them on first read (fisher-gan's does), and registration must not allocate.
 */
function declaresAuxiliary(objective: Objective): boolean {
  for (let o: object | null = objective; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, 'auxiliary');
    if (descriptor) return descriptor.get !== undefined || descriptor.value !== undefined;
  }
  return false;
}

/** The step's inputs, built as the Trainer builds them, with the run's objective context. */
function inputsFor(run: Run, real: tf.Tensor, fake: tf.Tensor): ObjectiveInputs {
  return objectiveInputs(run.trainer, real, fake);
}

/** n draws of N((shift, 0), I): [n, 2]. */
function gaussians(n: number, shift: number, rng: Rng): tf.Tensor2D {
  const values = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    values[2 * i] = rng.normal() + shift;
    values[2 * i + 1] = rng.normal();
  }
  return tf.tensor2d(values, [n, 2]);
}

/** Trains the run's critic `steps` steps on real N(0, I) against fake N((shift, 0), I): core's critic step. */
function trainCritic(run: Run, shift: number, steps: number, rng: Rng): void {
  if (!run.trainer.critic) return;
  const optimizer = createOptimizer(KIT_OPTIMIZER);
  for (let step = 0; step < steps; step++)
    criticStep(run.trainer, optimizer, () => ({ real: gaussians(BATCH, 0, rng), fake: gaussians(BATCH, shift, rng) }));
  optimizer.dispose();
}

/** The mean estimate over `draws` batches of real N(0, I) and fake N((shift, 0), I). */
function meanEstimate(run: Run, shift: number, draws: number, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < draws; i++)
    total += tf.tidy(() =>
      read(run.trainer.objective.estimate(inputsFor(run, gaussians(BATCH, 0, rng), gaussians(BATCH, shift, rng)))),
    );
  return total / draws;
}

function close(t: ConformanceAssertions, actual: number, tolerance: number, what: string): void {
  t.true(Math.abs(actual) <= tolerance, `${what}: ${String(actual)} is not 0 +- ${String(tolerance)}`);
}

/**
 * Registers the shared contract every objective plugin passes (ours and outside authors'),
 * as serial ava tests: `objectiveConformance(test, { plugin: ipmganPlugin, badOptions: {...} })`.
 * Losses are finite scalars; gradients reach every generator variable and every critic weight; the
 * estimate is 0 on identical samples and grows with the distance between real and fake;
 * repeated calls leak no tensor; the options schema and metadata are sound; a run with the
 * objective's default optimizers and constraints stopped and resumed continues exactly. The
 * critic's parts are checked only for an objective that uses a critic, and auxiliary
 * variables only where the objective declares them (create() says which; the titles name it).
 */
export function objectiveConformance(test: ConformanceTest, options: ObjectiveConformanceOptions): void {
  const extension = objectiveOf(options);
  const label = options.options === undefined ? extension.id : `${extension.id} ${JSON.stringify(options.options)}`;
  const mode = options.estimateOnIdentical ?? 'exact';
  const tolerance = options.tolerance ?? 0.02;
  const probe = extension.create(extension.optionsSchema.parse(options.options ?? {}));
  const { usesCritic } = probe;

  test.serial(`${label}: metadata is complete and the defaults are valid`, (t) => {
    t.true(/^[a-z0-9][a-z0-9-]*$/.test(extension.id), `id "${extension.id}" is lower-case kebab`);
    t.true(extension.description.trim().length > 0, 'description is empty');
    t.true(extension.estimate.name.trim().length > 0, 'estimate.name is empty');
    t.true(extension.estimate.meaning.trim().length > 0, 'estimate.meaning is empty');
    t.true(options.plugin.name.trim().length > 0 && options.plugin.version.trim().length > 0, 'plugin name/version');
    const { defaults } = extension;
    t.true(Number.isInteger(defaults.batchSize) && defaults.batchSize > 0, 'defaults.batchSize');
    t.true(ScheduleConfigSchema.safeParse(defaults.schedule).success, 'defaults.schedule');
    t.true(OptimizerConfigSchema.safeParse(defaults.optimizers.critic).success, 'defaults.optimizers.critic');
    t.true(OptimizerConfigSchema.safeParse(defaults.optimizers.generator).success, 'defaults.optimizers.generator');
    const constraints = [...builtinConstraints, ...options.plugin.extensions].filter((e) => e.kind === 'constraint');
    for (const ref of defaults.constraints) {
      const constraint = constraints.find((c) => c.id === ref.name || (c.aliases ?? []).includes(ref.name));
      t.true(constraint !== undefined, `defaults.constraints: unknown constraint "${ref.name}"`);
      if (constraint) t.true(constraint.optionsSchema.safeParse(ref.options ?? {}).success, `${ref.name} options`);
    }
    const objective = extension.create(extension.optionsSchema.parse(options.options ?? {}));
    t.true(objective.id === extension.id, `create() returns id "${objective.id}", not "${extension.id}"`);
    t.true(objective.estimateInfo.name === extension.estimate.name, 'estimateInfo matches the extension');
    const { critic, refusesConstraints = [] } = objective.requires;
    t.true((critic !== undefined) === objective.usesCritic, 'requires.critic is present exactly when usesCritic');
    if (critic?.output === 'features') {
      t.true(Number.isInteger(critic.size) && critic.size > 0, `requires.critic.size ${String(critic.size)}`);
      // K and a constraint's penalty are measured on it: a features critic has no score.
      t.true(objective.witness !== undefined, 'a features objective declares its witness');
    }
    for (const refusal of refusesConstraints)
      t.true(
        refusal.id.length > 0 && refusal.reason.trim().length > 0,
        `refusesConstraints: ${refusal.id} gives a reason`,
      );
  });

  test.serial(`${label}: the options schema accepts {} and rejects a bad option by name`, (t) => {
    t.true(extension.optionsSchema.safeParse({}).success, 'parse({}) fails');
    const field = Object.keys(options.badOptions)[0] ?? '';
    t.true(field !== '', 'badOptions names no field');
    let message = '';
    try {
      resolveConfig(
        { objective: { name: extension.id, options: options.badOptions }, data: { name: 'ring8' } },
        pluginsOf(options),
      );
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    t.true(
      message.includes(`objective.options.${field}`),
      `error "${message}" does not name objective.options.${field}`,
    );
  });

  test.serial(
    usesCritic
      ? `${label}: the critic loss, generator loss and estimate are finite scalars`
      : `${label} (no critic): the generator loss and estimate are finite scalars`,
    async (t) => {
      const run = await openKitRun(options, extension.id);
      const { objective, generator, data } = run.trainer;
      const rng = new Rng(1);
      tf.tidy(() => {
        const inputs = inputsFor(run, data.sample(BATCH, rng), generator.sample(BATCH, rng, true));
        const values = {
          ...(objective.usesCritic ? { criticLoss: objective.criticLoss(inputs) } : {}),
          generatorLoss: objective.generatorLoss(inputs),
          estimate: objective.estimate(inputs),
        };
        for (const [name, value] of Object.entries(values)) {
          t.true(value.shape.length === 0, `${name} has shape [${value.shape.join(', ')}], not []`);
          t.true(Number.isFinite(read(value)), `${name} is ${String(read(value))}`);
        }
      });
      run.dispose();
    },
  );

  test.serial(
    usesCritic
      ? `${label}: gradients reach every generator variable and every critic weight`
      : `${label} (no critic): gradients reach every generator variable`,
    async (t) => {
      const run = await openKitRun(options, extension.id);
      const { critic, objective, generator, data } = run.trainer;
      t.true(objective.usesCritic === (critic !== null), 'usesCritic matches the run');
      const rng = new Rng(2);
      tf.tidy(() => {
        const real = data.sample(BATCH, rng);
        const z = generator.noise(BATCH, rng);
        const groups: [string, readonly tf.Variable[], () => tf.Scalar][] = [
          [
            'generator',
            generator.trainableVariables,
            () => objective.generatorLoss(inputsFor(run, real, generator.generate(z, true))),
          ],
        ];
        if (critic) {
          const fake = generator.generate(z, true);
          groups.push(['critic', critic.trainableVariables, () => objective.criticLoss(inputsFor(run, real, fake))]);
        }
        for (const [who, variables, loss] of groups) {
          const { grads } = tf.variableGrads(loss, variables as tf.Variable[]);
          // An IPM critic's loss ignores a constant added to f, so the output bias may get no
          // gradient; every weight matrix must.
          for (const v of who === 'critic' ? variables.filter((v) => v.rank >= 2) : variables) {
            const g = grads[v.name];
            const norm = g ? read(tf.sum(tf.abs(g))) : 0;
            t.true(Number.isFinite(norm) && norm > 0, `${who} variable ${v.name} gets gradient ${String(norm)}`);
          }
        }
      });
      run.dispose();
    },
  );

  test.serial(`${label}: the estimate is 0 on identical samples (${mode})`, async (t) => {
    const run = await openKitRun(options, extension.id);
    const { objective } = run.trainer;
    const rng = new Rng(3);
    const onSameBatch = (): number =>
      tf.tidy(() => {
        const x = gaussians(BATCH, 0, rng);
        return read(objective.estimate(inputsFor(run, x, x)));
      });
    if (mode === 'exact') {
      const value = onSameBatch();
      t.true(value === 0, `estimate on one batch against itself is ${String(value)}, not exactly 0`);
    } else if (mode === 'expectation') {
      const value = meanEstimate(run, 0, EXPECTATION_DRAWS, rng);
      t.log(`mean estimate over ${String(EXPECTATION_DRAWS)} pairs of independent batches: ${String(value)}`);
      close(t, value, tolerance, `mean over ${String(EXPECTATION_DRAWS)} draws`);
    } else {
      const untrained = onSameBatch();
      t.true(untrained <= 0, `a lower bound exceeds 0 on identical samples: ${String(untrained)}`);
      trainCritic(run, 0, CRITIC_STEPS, rng);
      const trained = onSameBatch();
      t.log(`estimate on identical samples: ${String(untrained)} untrained, ${String(trained)} after training`);
      t.true(trained <= 0, `a lower bound exceeds 0 on identical samples: ${String(trained)}`);
      close(t, trained, tolerance, `after ${String(CRITIC_STEPS)} critic steps`);
    }
    run.dispose();
  });

  test.serial(`${label}: the estimate grows as the fake Gaussian moves away`, async (t) => {
    const run = await openKitRun(options, extension.id);
    const critic = run.trainer.critic;
    const variables = critic ? critic.networks.flatMap((n) => [...n.trainableVariables, ...n.stateVariables]) : [];
    const initial = variables.map((v) => tf.clone(v));
    const estimates = SHIFTS.map((shift) => {
      variables.forEach((v, i) => {
        const value = initial[i];
        if (value) v.assign(value);
      });
      // The same seed at every shift: common random numbers make the comparison sharp.
      const rng = new Rng(4);
      trainCritic(run, shift, CRITIC_STEPS, rng);
      return meanEstimate(run, shift, DRAWS, rng);
    });
    tf.dispose(initial);
    t.log(`estimates at shifts ${SHIFTS.join(', ')}: ${estimates.map((e) => e.toPrecision(4)).join(', ')}`);
    const [at0 = Number.NaN, atA = Number.NaN, atB = Number.NaN] = estimates;
    t.true(atA > at0, `estimate at shift ${String(SHIFTS[1])} (${String(atA)}) <= at 0 (${String(at0)})`);
    t.true(
      atB > atA,
      `estimate at shift ${String(SHIFTS[2])} (${String(atB)}) <= at ${String(SHIFTS[1])} (${String(atA)})`,
    );
    run.dispose();
  });

  test.serial(`${label}: 20 calls of every loss, estimate and gradient leak no tensor`, async (t) => {
    const run = await openKitRun(options, extension.id);
    const { objective, generator, data } = run.trainer;
    const rng = new Rng(5);
    const call = (): void => {
      tf.tidy(() => {
        const real = data.sample(BATCH, rng);
        const z = generator.noise(BATCH, rng);
        const inputs = (): ObjectiveInputs => inputsFor(run, real, generator.generate(z, true));
        if (objective.usesCritic) objective.criticLoss(inputs());
        objective.estimate(inputs());
        tf.variableGrads(() => objective.generatorLoss(inputs()), generator.trainableVariables as tf.Variable[]);
      });
    };
    call(); // objectives may cache constants on their first call
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) call();
    const after = tf.memory().numTensors;
    t.true(after === before, `${String(after - before)} tensors leaked over 20 calls`);
    run.dispose();
  });

  if (declaresAuxiliary(probe))
    test.serial(
      `${label} (auxiliary variables): a critic step moves each by the objective's own update, with the critic's optimizer at rate 0`,
      async (t) => {
        const run = await openKitRun(options, extension.id);
        const variables = Object.entries(run.trainer.objective.auxiliary?.variables ?? {});
        t.true(variables.length > 0, 'the run has no auxiliary variables');
        const before = variables.map(([, v]) => Array.from(v.dataSync()));
        // SGD at rate 0 leaves every variable it steps where it is: a move is the update's own.
        const still = tf.train.sgd(0);
        criticStep(run.trainer, still, { batchSize: BATCH, rng: new Rng(6) });
        variables.forEach(([name, v], i) => {
          const after = Array.from(v.dataSync());
          t.true(after.every(Number.isFinite), `auxiliary variable ${name} is not finite: ${after.join(', ')}`);
          t.true(
            after.some((x, j) => x !== before[i]?.[j]),
            `auxiliary variable ${name} did not move on a critic step: ${after.join(', ')}`,
          );
        });
        still.dispose();
        run.dispose();
      },
    );

  test.serial(
    `${label}: stopped at ${String(RESUME_AT)} and resumed to ${String(RESUME_TO)} with its default optimizers, a run equals one run straight`,
    async (t) => {
      await assertStopResumeExact(t, kitConfig(options, extension.id, RESUME_TO), pluginsOf(options), RESUME_AT);
    },
  );
}
