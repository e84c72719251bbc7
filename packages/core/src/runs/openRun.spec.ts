import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { Config } from '../config/ConfigSchema.js';
import type { ObjectiveExtension } from '../contracts/Extension.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { openRun } from './openRun.js';
import { RunDirectory } from './RunDirectory.js';

const plugins = [corePlugin, definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective] })];
const parent = mkdtempSync(join(tmpdir(), 'ipmgan-open-run-'));
test.after.always(() => {
  rmSync(parent, { recursive: true, force: true });
});

const config: Config = {
  backend: 'cpu',
  seed: 3,
  threads: 'auto',
  objective: { name: 'linear-gap' },
  data: { name: 'ring8' },
  generator: { network: { name: 'mlp', options: { hidden: [4] } } },
  critic: { network: { name: 'mlp', options: { hidden: [4] } } },
  training: { iterations: 2 },
  run: { logEvery: 1 },
};

/** A run directory with its config.resolved.json written, as compare plans one, and nothing trained. */
async function planned(name: string): Promise<string> {
  const directory = new RunDirectory(join(parent, name));
  const run = await openRun({ config, plugins }, { directory });
  run.dispose();
  return directory.path;
}

test.serial("'continue' with threads trains with the host's share in place of the saved count, and records it", async (t) => {
  const path = await planned('shared');
  t.is(new RunDirectory(path).readConfig().threads, 'auto');
  const run = await openRun({ runDirectory: path, cwd: parent, mode: 'continue', plugins, threads: 1 });
  t.is(run.config.threads, 1);
  // A run started from iteration 0 writes the config it trains with.
  t.is(new RunDirectory(path).readConfig().threads, 1);
  run.dispose();
});

test.serial("'continue' without threads keeps the saved count", async (t) => {
  const path = await planned('kept');
  const run = await openRun({ runDirectory: path, cwd: parent, mode: 'continue', plugins });
  t.is(run.config.threads, 'auto');
  t.is(new RunDirectory(path).readConfig().threads, 'auto');
  run.dispose();
});

let created = 0;
/** linear-gap, counting its create() calls. */
const counted: ObjectiveExtension<{ nanFrom: number; withoutCritic: boolean }> = {
  ...linearGapObjective,
  create: (options) => {
    created += 1;
    return linearGapObjective.create(options);
  },
};

test('a config is resolved and its run built with one objective: create() runs once, and that objective trains', async (t) => {
  const countingPlugins = [corePlugin, definePlugin({ name: 'fixture', version: '0.0.0', extensions: [counted] })];
  const oneStep = {
    seed: 1,
    backend: 'cpu' as const,
    objective: { name: 'linear-gap' },
    data: { name: 'ring8' },
    generator: { network: { name: 'mlp', options: { hidden: [4] } } },
    critic: { network: { name: 'mlp', options: { hidden: [4] } } },
    training: { iterations: 1 },
  };
  created = 0;
  const run = await openRun({ config: oneStep, plugins: countingPlugins }, { directory: null });
  t.is(created, 1);
  await run.trainer.fit();
  t.is(created, 1);
  run.dispose();
});
