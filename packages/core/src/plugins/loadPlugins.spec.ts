// Plugin identity as a hostile install would test it: fake packages are real packages on
// disk, in the node_modules of a temporary project (the workspace's own plugins are found
// too, from ipmgan's installation), so discovery, import and resolution run as in a CLI.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { Container } from 'inversify';
import { ConfigError } from '../config/ConfigError.js';
import { IDS } from '../identifiers.js';
import { tf } from '../tensorflow.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { testPluginContext } from '../testing/testPluginContext.js';
import { definePlugin } from './definePlugin.js';
import { discoverPlugins } from './discoverPlugins.js';
import { loadPlugins } from './loadPlugins.js';
import { namePluginFailures } from './namePluginFailures.js';
import { PluginError } from './PluginError.js';
import { guardPluginModule } from './pluginServices.js';

const project = mkdtempSync(join(tmpdir(), 'ipmgan-plugin-identity-'));
test.before(async () => {
  await tf.setBackend('cpu');
});
test.after.always(() => {
  rmSync(project, { recursive: true, force: true });
});

/** Marks, on globalThis, which fake packages were imported. */
const imported = (): string[] => ((globalThis as Record<string, unknown>).__ipmganFakeImports ?? []) as string[];

/**
 * A package in the project's node_modules: its package.json with `ipmganPlugin` as given,
 * and an index.js that records its import and exports a plugin named `exportName` with one
 * objective per id in `objectives` and a data source per id in `data`.
 */
function fakePackage(
  name: string,
  ipmganPlugin: unknown,
  { objectives = [] as string[], data = [] as string[], exportName = name } = {},
): void {
  const dir = join(project, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, version: '6.6.6', type: 'module', main: 'index.js', ipmganPlugin }),
  );
  const extensions = [
    ...objectives.map((id) => `{ kind: 'objective', id: '${id}', description: 'fake' }`),
    ...data.map((id) => `{ kind: 'data', id: '${id}', description: 'fake' }`),
  ];
  writeFileSync(
    join(dir, 'index.js'),
    `(globalThis.__ipmganFakeImports ??= []).push(${JSON.stringify(name)});\n` +
      `export const ipmganPlugin = { name: ${JSON.stringify(exportName)}, version: '6.6.6', extensions: [${extensions.join(', ')}], module: { load() {} } };\n`,
  );
}

// Sorts before @ipmgan/critic-wgan and claims its id: the hijack of issue 20.
fakePackage('@aaa/hijack', { objective: 'wgan' }, { objectives: ['wgan'] });
fakePackage('hinge-one', { objective: 'hinge' }, { objectives: ['hinge'] });
fakePackage('hinge-two', { objective: 'hinge-two', aliases: ['hinge'] }, { objectives: ['hinge-two'] });
fakePackage('bad-aliases', { objective: 'bad', aliases: 5 });
fakePackage('bad-manifest', 'yes');
fakePackage('ring8-again', { data: ['ring8'] }, { data: ['ring8'] });
fakePackage('impostor', { objective: 'impostor' }, { objectives: ['impostor'], exportName: '@ipmgan/critic-wgan' });

test.serial('an official id resolves to its official package, never to another package that claims it', async (t) => {
  const plugins = await loadPlugins({ objective: 'wgan' }, project);
  t.deepEqual(
    plugins.map((p) => p.name),
    ['@ipmgan/core', '@ipmgan/critic-wgan'],
  );
  t.false(imported().includes('@aaa/hijack'), 'the claimant is not even imported');
  // The alias too.
  t.is((await loadPlugins({ objective: 'wgan-clip' }, project))[1]?.name, '@ipmgan/critic-wgan');
});

test.serial('the claimant is picked only by its package name', async (t) => {
  const plugins = await loadPlugins({ objective: '@aaa/hijack' }, project);
  t.is(plugins[1]?.name, '@aaa/hijack');
  t.deepEqual(
    plugins[1]?.extensions.map((e) => e.id),
    ['wgan'],
  );
});

test.serial('two installed packages claiming one id is one line naming both and how to pick one', async (t) => {
  await t.throwsAsync(loadPlugins({ objective: 'hinge' }, project), {
    instanceOf: ConfigError,
    message:
      'objective.name: "hinge" is claimed by both hinge-one and hinge-two; name one by its package (objective: { name: hinge-one })',
  });
  t.is((await loadPlugins({ objective: 'hinge-two' }, project))[1]?.name, 'hinge-two');
});

test.serial('a malformed manifest is skipped with one warning naming the package; everything else works', async (t) => {
  const warnings: string[] = [];
  const found = discoverPlugins(project, (line) => warnings.push(line));
  t.false(found.some((p) => p.name === 'bad-aliases' || p.name === 'bad-manifest'));
  t.true(found.some((p) => p.name === 'hinge-one'));
  t.deepEqual(warnings, [
    `bad-aliases (${join(project, 'node_modules', 'bad-aliases', 'package.json')}): ipmganPlugin.aliases: expected a list of strings; the package is skipped as a plugin`,
    `bad-manifest (${join(project, 'node_modules', 'bad-manifest', 'package.json')}): ipmganPlugin: expected an object such as { "objective": "wgan", "aliases": ["wgan-clip"] }; the package is skipped as a plugin`,
  ]);
  t.is((await loadPlugins({ objective: 'wgan' }, project))[1]?.name, '@ipmgan/critic-wgan');
});

test.serial('a package that claims a name core already has, in one run, is one line naming both', async (t) => {
  await t.throwsAsync(loadPlugins({ objective: 'wgan', plugins: ['ring8-again'] }, project), {
    instanceOf: ConfigError,
    message:
      'plugins.0: data "ring8" is claimed by both @ipmgan/core and ring8-again; remove one of them from the config',
  });
});

test.serial("a package exporting a plugin under another package's name is refused", async (t) => {
  await t.throwsAsync(loadPlugins({ objective: 'impostor' }, project), {
    instanceOf: ConfigError,
    message:
      'objective.name: package "impostor" exports an ipmganPlugin named "@ipmgan/critic-wgan"; a plugin\'s name must be its package\'s',
  });
});

test.serial('a failure of an extension names its package: create, and a method of what it made', (t) => {
  const throwing = {
    ...linearGapObjective,
    id: 'thrower',
    create: (options: unknown) => {
      if ((options as { boom?: boolean }).boom === true) throw new Error('bad create');
      const made = linearGapObjective.create(options as { nanFrom: number; withoutCritic: boolean });
      return {
        ...made,
        criticLoss: () => {
          throw new Error('bad step');
        },
      };
    },
  };
  const plugin = namePluginFailures(definePlugin({ name: 'thrower-pkg', version: '1.0.0', extensions: [throwing] }));
  const [extension] = plugin.extensions;
  if (extension?.kind !== 'objective') {
    t.fail('the objective extension is kept');
    return;
  }
  t.throws(() => extension.create({ boom: true }), {
    instanceOf: PluginError,
    message: 'thrower-pkg: objective "thrower" create() failed: bad create',
  });
  const objective = extension.create({ nanFrom: 0, withoutCritic: true });
  const x = tf.zeros([2, 2]);
  t.throws(() => objective.criticLoss({ real: x, fake: x, context: testPluginContext() }), {
    instanceOf: PluginError,
    message: 'thrower-pkg: objective "thrower" criticLoss() failed: bad step',
  });
  // What works is unchanged: without a critic the estimate is ||E[x] - E[g(z)]||^2 = 1 + 1.
  t.is(objective.estimate({ real: tf.ones([2, 2]), fake: x, context: testPluginContext() }).dataSync()[0], 2);
  // Config errors keep their field.
  const configError = namePluginFailures(
    definePlugin({
      name: 'strict-pkg',
      version: '1.0.0',
      extensions: [
        {
          ...linearGapObjective,
          create: () => {
            throw new ConfigError('objective.options.k: expected a number');
          },
        },
      ],
    }),
  );
  t.throws(() => configError.extensions[0]?.kind === 'objective' && configError.extensions[0].create({}), {
    instanceOf: ConfigError,
    message: 'objective.options.k: expected a number',
  });
});

test('activation and deactivation hooks on any core service are refused, the trainer included', async (t) => {
  for (const [hook, id, name] of [
    ['onActivation', IDS.Trainer, 'IDS.Trainer'],
    ['onActivation', IDS.DataSource, 'IDS.DataSource'],
    ['onDeactivation', IDS.TrainerHook, 'IDS.TrainerHook'],
  ] as const) {
    const plugin = definePlugin({
      name: 'hooker',
      version: '0.0.0',
      extensions: [],
      load: (options) => {
        if (hook === 'onActivation') options.onActivation(id, (_context, value) => value);
        else options.onDeactivation(id, () => undefined);
      },
    });
    const verb = hook === 'onActivation' ? 'hooks the activation of' : 'hooks the deactivation of';
    await t.throwsAsync(new Container().loadAsync(guardPluginModule(plugin)), {
      instanceOf: ConfigError,
      message: new RegExp(`^plugins: hooker ${verb} ${name}, which is core's; a plugin may rebind`),
    });
  }
  // Its own identifiers stay its own to hook.
  const own = Symbol('hooker/own');
  const container = new Container();
  await container.loadAsync(
    guardPluginModule(
      definePlugin({
        name: 'hooker',
        version: '0.0.0',
        extensions: [],
        load: ({ bind, onActivation }) => {
          bind(own).toConstantValue(20);
          onActivation<number>(own, (_context, value) => value + 1);
        },
      }),
    ),
  );
  t.is(container.get<number>(own), 21);
});

test('an error in a module load names the plugin package', async (t) => {
  const plugin = definePlugin({
    name: 'loader-pkg',
    version: '0.0.0',
    extensions: [],
    load: () => {
      throw new TypeError('cannot read x');
    },
  });
  await t.throwsAsync(new Container().loadAsync(guardPluginModule(plugin)), {
    instanceOf: PluginError,
    message: 'loader-pkg: its ContainerModule failed to load: cannot read x',
  });
});

test('a hook or data source a plugin binds names the plugin when it fails', async (t) => {
  const plugin = definePlugin({
    name: 'hook-pkg',
    version: '0.0.0',
    extensions: [],
    load: ({ bind }) => {
      bind(IDS.TrainerHook).toConstantValue({
        name: 'failing',
        afterGeneratorStep: () => {
          throw new Error('hook broke');
        },
      });
      bind(IDS.Evaluator).toDynamicValue(() => ({ name: 'fine', evaluate: () => ({ x: 3 }) }));
    },
  });
  const container = new Container();
  await container.loadAsync(guardPluginModule(plugin));
  const [hook] = container.getAll<{ afterGeneratorStep: () => void }>(IDS.TrainerHook);
  t.throws(() => hook?.afterGeneratorStep(), {
    instanceOf: PluginError,
    message: 'hook-pkg: IDS.TrainerHook afterGeneratorStep() failed: hook broke',
  });
  // What works is unchanged.
  const [evaluator] = container.getAll<{ name: string; evaluate: () => { x: number } }>(IDS.Evaluator);
  t.is(evaluator?.name, 'fine');
  t.deepEqual(evaluator?.evaluate(), { x: 3 });
});
