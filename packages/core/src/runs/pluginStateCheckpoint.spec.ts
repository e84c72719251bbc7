import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { z } from 'zod';
import type { Config } from '../config/ConfigSchema.js';
import { resolveConfig } from '../config/resolveConfig.js';
import type { ConstraintExtension } from '../contracts/Extension.js';
import type { JsonValue } from '../contracts/PluginState.js';
import { IDS } from '../identifiers.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { tf } from '../tensorflow.js';
import type { TrainerHook } from '../trainer/TrainerHook.js';
import { resealCheckpoint } from '../testing/resealCheckpoint.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { openRun } from './openRun.js';
import { RunDirectory } from './RunDirectory.js';

/**
 * A constraint that draws random numbers and keeps state, like WGAN-GP plus a counter:
 * penalty = weight * mean(f(x_hat))^2 on x_hat = real + u (fake - real), u ~ U[0, 1) per
 * sample from its own stream; after every critic step it adds 1 to a tensor and to a JSON count.
 */
const randomPenalty: ConstraintExtension<{ weight: number }> = {
  kind: 'constraint',
  id: 'random-penalty',
  description: 'Penalises the mean score on random interpolates (test constraint).',
  optionsSchema: z.strictObject({ weight: z.number().default(5) }),
  create: ({ weight }) => {
    const steps = tf.variable(tf.scalar(0), false);
    let calls = 0;
    return {
      id: 'random-penalty',
      penalty({ real, fake, score }, context) {
        const [batch = 0] = real.shape;
        const u = tf.randomUniform([batch, 1], 0, 1, 'float32', context.rng.seed()); // [batch, 1]
        const xHat = tf.add(real, tf.mul(u, tf.sub(fake, real)));
        return tf.mul(weight, tf.square(tf.mean(score(xHat))));
      },
      afterCriticStep() {
        calls += 1;
        tf.tidy(() => {
          steps.assign(tf.add(steps, 1));
        });
      },
      state: {
        tensors: { steps },
        save: (): JsonValue => ({ calls }),
        restore: (saved) => {
          calls = (saved as { calls: number }).calls;
        },
      },
    };
  },
};

/**
 * A constraint whose state depends on the critic's layers, like spectral normalisation's u
 * vectors: `attach` makes one [out] vector per layer; after every critic step each gains 1.
 */
const layerCounter: ConstraintExtension<Record<string, never>> = {
  kind: 'constraint',
  id: 'layer-counter',
  description: 'Counts critic steps in one vector per critic layer (test constraint).',
  optionsSchema: z.strictObject({}),
  create: () => {
    const tensors: Record<string, tf.Variable> = {};
    return {
      id: 'layer-counter',
      attach(critic) {
        critic.layers.forEach((layer, i) => {
          const out = layer.kernel.shape[layer.kernel.shape.length - 1] ?? 0;
          tensors[`layer${String(i)}`] = tf.variable(tf.zeros([out]), false);
        });
      },
      afterCriticStep() {
        tf.tidy(() => {
          for (const v of Object.values(tensors)) v.assign(tf.add(v, 1));
        });
      },
      state: { tensors },
    };
  },
};

const plugins = [
  corePlugin,
  definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective, randomPenalty, layerCounter] }),
];
const parent = mkdtempSync(join(tmpdir(), 'ipmgan-plugin-state-'));
test.after.always(() => {
  rmSync(parent, { recursive: true, force: true });
});

const config: Config = {
  seed: 5,
  backend: 'cpu',
  objective: { name: 'linear-gap' },
  data: { name: 'ring8' },
  generator: { network: { name: 'mlp', options: { hidden: [8] } } },
  critic: { network: { name: 'mlp', options: { hidden: [8] } }, constraints: [{ name: 'random-penalty' }] },
  training: { iterations: 40 },
  run: { logEvery: 5, checkpointEvery: 10 },
};

const withoutClock = (dir: RunDirectory): string[] =>
  dir.readMetrics().map(({ elapsedSeconds: _, ...rest }) => JSON.stringify(rest));

function stateOf(run: Awaited<ReturnType<typeof openRun>>): { steps: number; json: JsonValue | undefined } {
  const state = run.trainer.plugins.states.get('constraint:random-penalty#0');
  return { steps: state?.tensors?.steps?.dataSync()[0] ?? Number.NaN, json: state?.save?.() };
}

test.serial('a constraint that draws random numbers: 20, then --resume to 40, equals 40 straight', async (t) => {
  const resolved = resolveConfig(config, plugins);
  const whole = new RunDirectory(join(parent, 'whole'));
  const straight = await openRun({ resolved, plugins }, { directory: whole });
  await straight.trainer.fit();
  // linear-gap runs 3 critic steps per generator step: 40 * 3 = 120 projections.
  t.deepEqual(stateOf(straight), { steps: 120, json: { calls: 120 } });
  straight.dispose();

  const parted = new RunDirectory(join(parent, 'parted'));
  const first = await openRun({ resolved, plugins }, { directory: parted });
  await first.trainer.fit({ iterations: 20 });
  first.dispose();
  const manifest = JSON.parse(readFileSync(join(parted.checkpointsPath, 'iter-0000020', 'manifest.json'), 'utf8')) as {
    plugins: { streams: Record<string, unknown>; json: Record<string, unknown> };
  };
  t.deepEqual(Object.keys(manifest.plugins.streams), ['objective:linear-gap', 'constraint:random-penalty#0']);
  t.deepEqual(manifest.plugins.json, { 'constraint:random-penalty#0': { calls: 60 } });

  const second = await openRun({ runDirectory: parted.path, cwd: process.cwd(), mode: 'resume', plugins });
  t.deepEqual(stateOf(second), { steps: 60, json: { calls: 60 } });
  await second.trainer.fit();
  t.deepEqual(stateOf(second), { steps: 120, json: { calls: 120 } });
  second.dispose();
  t.is(withoutClock(parted).length, 8);
  t.deepEqual(withoutClock(parted), withoutClock(whole));
});

test.serial('the saved stream is what makes it exact: a checkpoint without it resumes differently', async (t) => {
  // The mutation that shows the test above can fail: the same resume with the plugin streams
  // dropped from the manifest (each plugin restarts its stream from Rng.derive).
  const resolved = resolveConfig(config, plugins);
  const whole = new RunDirectory(join(parent, 'whole-2'));
  const straight = await openRun({ resolved, plugins }, { directory: whole });
  await straight.trainer.fit();
  straight.dispose();
  const parted = new RunDirectory(join(parent, 'parted-2'));
  const first = await openRun({ resolved, plugins }, { directory: parted });
  await first.trainer.fit({ iterations: 20 });
  first.dispose();
  resealCheckpoint(join(parted.checkpointsPath, 'iter-0000020'), (manifest) => {
    (manifest.plugins as { streams: Record<string, unknown> }).streams = {};
  });
  const second = await openRun({ runDirectory: parted.path, cwd: process.cwd(), mode: 'resume', plugins });
  await second.trainer.fit();
  second.dispose();
  const [a, b] = [withoutClock(parted), withoutClock(whole)];
  t.deepEqual(a.slice(0, 4), b.slice(0, 4), 'iterations 5-20 ran before the checkpoint');
  t.notDeepEqual(a[4], b[4], 'iteration 25 depends on the penalty stream');
});

test.serial(
  'attach creates per-layer state before resume restores it: 20, --resume, 40 counts 120 in every layer',
  async (t) => {
    const counted = resolveConfig(
      {
        ...config,
        critic: { network: { name: 'mlp', options: { hidden: [8] } }, constraints: [{ name: 'layer-counter' }] },
      },
      plugins,
    );
    const counts = (run: Awaited<ReturnType<typeof openRun>>): Record<string, number[]> =>
      Object.fromEntries(
        Object.entries(run.trainer.plugins.states.get('constraint:layer-counter#0')?.tensors ?? {}).map(([name, v]) => [
          name,
          Array.from(v.dataSync()),
        ]),
      );
    const parted = new RunDirectory(join(parent, 'parted-3'));
    const first = await openRun({ resolved: counted, plugins }, { directory: parted });
    // The critic 2 -> 8 -> 1 has two layers, with 8 and 1 outputs.
    t.deepEqual(counts(first), { layer0: Array<number>(8).fill(0), layer1: [0] });
    await first.trainer.fit({ iterations: 20 });
    first.dispose();
    const second = await openRun({ runDirectory: parted.path, cwd: process.cwd(), mode: 'resume', plugins });
    t.deepEqual(counts(second), { layer0: Array<number>(8).fill(60), layer1: [60] });
    await second.trainer.fit();
    t.deepEqual(counts(second), { layer0: Array<number>(8).fill(120), layer1: [120] });
    second.dispose();
  },
);

test.serial(
  "a plugin's hook bound after core's checkpointer still has its iteration in the checkpoint: 20, --resume, 40 counts 40",
  async (t) => {
    // A hook that counts generator iterations in its JSON state, like a weight average's step count.
    const counter = (): TrainerHook => {
      let seen = 0;
      return {
        name: 'counter',
        afterGeneratorStep: () => {
          seen += 1;
        },
        state: { save: (): JsonValue => ({ seen }), restore: (saved) => (seen = (saved as { seen: number }).seen) },
      };
    };
    const withCounter = [
      ...plugins,
      definePlugin({
        name: 'counting-hook',
        version: '0.0.0',
        extensions: [],
        load: ({ bind }) => {
          bind<TrainerHook>(IDS.TrainerHook).toDynamicValue(counter);
        },
      }),
    ];
    const resolved = resolveConfig(config, withCounter);
    const parted = new RunDirectory(join(parent, 'parted-4'));
    const first = await openRun({ resolved, plugins: withCounter }, { directory: parted });
    t.deepEqual(
      first.trainer.hooks.map((h) => h.name),
      ['metrics-logger', 'sample-writer', 'counter', 'checkpointer'],
    );
    await first.trainer.fit({ iterations: 20 });
    first.dispose();
    const manifest = JSON.parse(
      readFileSync(join(parted.checkpointsPath, 'iter-0000010', 'manifest.json'), 'utf8'),
    ) as { plugins: { json: Record<string, unknown> } };
    t.deepEqual(manifest.plugins.json['hook:counter'], { seen: 10 });
    const second = await openRun({ runDirectory: parted.path, cwd: process.cwd(), mode: 'resume', plugins: withCounter });
    await second.trainer.fit();
    t.deepEqual(second.trainer.plugins.states.get('hook:counter')?.save?.(), { seen: 40 });
    second.dispose();
  },
);
