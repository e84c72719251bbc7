import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { ContainerModuleLoadOptions as LoadOptions } from 'inversify';
import type { Config } from '../config/ConfigSchema.js';
import { resolveConfig } from '../config/resolveConfig.js';
import type { DataSource } from '../contracts/DataSource.js';
import type { TrainerHook } from '../trainer/TrainerHook.js';
import { IDS } from '../identifiers.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { Rng } from '../random/Rng.js';
import { openRun } from '../runs/openRun.js';
import { RunDirectory } from '../runs/RunDirectory.js';
import { tf } from '../tensorflow.js';
import { assertClose } from '../testing/assertClose.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { constantDataPlugin } from './constantDataPlugin.js';
import { CountingTrainer } from './CountingTrainer.js';
import { countingTrainerPlugin } from './countingTrainerPlugin.js';

const fixture = definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective] });
const parent = mkdtempSync(join(tmpdir(), 'ipmgan-example-plugins-'));
test.after.always(() => {
  rmSync(parent, { recursive: true, force: true });
});

function config(objectiveOptions: Record<string, unknown> = {}): Config {
  return {
    seed: 4,
    backend: 'cpu',
    objective: { name: 'linear-gap', options: objectiveOptions },
    data: { name: 'ring8' },
    generator: { network: { name: 'mlp', options: { hidden: [8] } } },
    critic: { network: { name: 'mlp', options: { hidden: [8] } } },
    training: { iterations: 10 },
    run: { logEvery: 5, checkpointEvery: 5 },
  };
}

test.serial('a plugin that replaces the data source: every batch of training comes from it', async (t) => {
  const { plugin, requests } = constantDataPlugin([3, 4]);
  const plugins = [corePlugin, fixture, plugin];
  const dir = new RunDirectory(join(parent, 'constant'));
  const run = await openRun({ config: config(), plugins }, { directory: dir });
  t.is(run.trainer.data.id, 'constant');
  await run.trainer.fit();
  // linear-gap: 3 critic steps (one real batch each) + 1 generator step (one real batch), batch 16.
  t.deepEqual(
    requests,
    Array.from({ length: 10 * 4 }, () => 16),
  );
  const written = dir.readConfig() as unknown as { data: { name: string; definition: string } };
  t.is(written.data.definition, 'x = (3, 4) with probability 1');
  run.dispose();
});

test.serial('the replaced data source is what the generator matches (no critic: the mean gap)', async (t) => {
  const { plugin } = constantDataPlugin([3, 4]);
  const plugins = [corePlugin, fixture, plugin];
  const resolved = resolveConfig(
    { ...config({ withoutCritic: true }), training: { iterations: 1, batchSize: 32 } },
    plugins,
  );
  const run = await openRun({ resolved, plugins }, { directory: null });
  const { generator, state } = run.trainer;
  // The generator step draws its noise first from the training stream: replay it.
  const replay = Rng.fromState(state.rng.getState());
  const [mx = Number.NaN, my = Number.NaN] = tf.tidy(() =>
    Array.from(tf.mean(generator.generate(generator.noise(32, replay), true), 0).dataSync()),
  );
  const step = await run.trainer.step();
  // Logged on the last iteration, before the generator moves: ||(3, 4) - mean(g(z))||^2.
  assertClose(t, step.estimate ?? Number.NaN, (3 - mx) ** 2 + (4 - my) ** 2, 1e-4);
  run.dispose();
});

test.serial('a plugin that wraps the trainer trains, checkpoints and resumes through the wrapper', async (t) => {
  const plugins = [corePlugin, fixture, countingTrainerPlugin];
  const dir = new RunDirectory(join(parent, 'counting'));
  const run = await openRun({ config: config(), plugins }, { directory: dir });
  t.true(run.trainer instanceof CountingTrainer);
  t.is(run.container.get(IDS.Trainer), run.trainer);
  await run.trainer.fit({ iterations: 5 });
  run.dispose();
  const resumed = await openRun({ runDirectory: dir.path, cwd: process.cwd(), mode: 'resume', plugins });
  if (!(resumed.trainer instanceof CountingTrainer)) return t.fail('resume did not use the wrapper');
  await resumed.trainer.fit();
  t.deepEqual(resumed.trainer.criticStepsPerIteration, [3, 3, 3, 3, 3]);
  t.deepEqual(
    dir.readMetrics().map((m) => m.iteration),
    [5, 10],
  );
  resumed.dispose();
});

test.serial('binding a core service a second time fails with one line that says to rebind', async (t) => {
  const clash = definePlugin({
    name: 'clash',
    version: '0.0.0',
    extensions: [],
    load: ({ bind }) => {
      bind<DataSource>(IDS.DataSource).toConstantValue({
        id: 'second',
        shape: [2],
        definition: 'x = 0',
        sample: (n) => tf.zeros([n, 2]),
      });
    },
  });
  const plugins = [corePlugin, fixture, clash];
  await t.throwsAsync(openRun({ config: config(), plugins }, { directory: null }), {
    message:
      'plugins: IDS.DataSource is bound twice; a plugin replaces a core service with rebind(), not bind() (docs/plugin-services.md)',
  });
});

const ALLOWED =
  'a plugin may rebind IDS.DataSource, IDS.RunDirectory, IDS.Trainer and bind more IDS.TrainerHook, IDS.Evaluator, IDS.Extension (docs/plugin-services.md)';

test.serial(
  'a plugin that rebinds, binds or unbinds a core-owned service is refused with one line naming both',
  async (t) => {
    const cases = [
      {
        verb: 'rebinds',
        id: 'IDS.Generator',
        load: ({ rebind }: LoadOptions) => void rebind(IDS.Generator).toConstantValue({}),
      },
      { verb: 'binds', id: 'IDS.Rng', load: ({ bind }: LoadOptions) => void bind(IDS.Rng).toConstantValue(new Rng(1)) },
      {
        verb: 'unbinds',
        id: 'IDS.Objective',
        load: ({ unbind }: LoadOptions) => {
          unbind(IDS.Objective);
        },
      },
      {
        verb: 'unbinds',
        id: 'IDS.Extension',
        load: ({ unbind }: LoadOptions) => {
          unbind(IDS.Extension);
        },
      },
      {
        verb: 'rebinds',
        id: 'IDS.Extension',
        load: ({ rebind }: LoadOptions) => void rebind(IDS.Extension).toConstantValue(linearGapObjective),
      },
      {
        verb: 'hooks the activation of',
        id: 'IDS.Critic',
        load: ({ onActivation }: LoadOptions) => {
          onActivation(IDS.Critic, (_context, critic) => critic);
        },
      },
    ];
    for (const { verb, id, load } of cases) {
      const plugins = [
        corePlugin,
        fixture,
        definePlugin({ name: 'overreach', version: '0.0.0', extensions: [], load }),
      ];
      await t.throwsAsync(openRun({ config: config(), plugins }, { directory: null }), {
        message: `plugins: overreach ${verb} ${id}, which is core's; ${ALLOWED}`,
      });
    }
  },
);

test.serial("a plugin's own identifiers are its own to bind, and core's to read stay readable", async (t) => {
  const own = Symbol('overreach/own');
  let seenSeed = Number.NaN;
  const plugin = definePlugin({
    name: 'own-services',
    version: '0.0.0',
    extensions: [],
    load: ({ bind, isBound }) => {
      t.true(isBound(IDS.Generator));
      bind<number>(own).toConstantValue(17);
      bind<TrainerHook>(IDS.TrainerHook).toDynamicValue((context) => {
        seenSeed = context.get<{ seed: number }>(IDS.ResolvedConfig).seed + context.get<number>(own);
        return { name: 'reads' };
      });
    },
  });
  const plugins = [corePlugin, fixture, plugin];
  const run = await openRun({ config: config(), plugins }, { directory: null });
  t.is(seenSeed, 4 + 17);
  run.dispose();
});

test.serial('a plugin may rebind the run directory, and its hooks resolve it from the container', async (t) => {
  const path = join(parent, 'chosen-by-plugin');
  const seen: string[] = [];
  const plugin = definePlugin({
    name: 'directory-and-hook',
    version: '0.0.0',
    extensions: [],
    load: ({ bind, rebind }) => {
      rebind<RunDirectory>(IDS.RunDirectory).toConstantValue(new RunDirectory(path));
      bind<TrainerHook>(IDS.TrainerHook).toDynamicValue((context) => {
        const directory = context.get<RunDirectory>(IDS.RunDirectory);
        return { name: 'where', onTrainEnd: () => void seen.push(directory.path) };
      });
    },
  });
  const plugins = [corePlugin, fixture, plugin];
  const run = await openRun({ config: config(), plugins }, { directory: 'new' });
  await run.trainer.fit();
  t.is(run.directory?.path, path);
  t.deepEqual(seen, [path]);
  t.deepEqual(
    new RunDirectory(path).readMetrics().map((m) => m.iteration),
    [5, 10],
  );
  run.dispose();
});
