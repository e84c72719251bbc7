import test from 'ava';
import type { ObjectiveExtension } from '../contracts/Extension.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { openRun } from './openRun.js';

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
  const plugins = [corePlugin, definePlugin({ name: 'fixture', version: '0.0.0', extensions: [counted] })];
  const config = {
    seed: 1,
    backend: 'cpu' as const,
    objective: { name: 'linear-gap' },
    data: { name: 'ring8' },
    generator: { network: { name: 'mlp', options: { hidden: [4] } } },
    critic: { network: { name: 'mlp', options: { hidden: [4] } } },
    training: { iterations: 1 },
  };
  created = 0;
  const run = await openRun({ config, plugins }, { directory: null });
  t.is(created, 1);
  await run.trainer.fit();
  t.is(created, 1);
  run.dispose();
});
