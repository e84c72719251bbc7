import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import { resolveConfig } from '../config/resolveConfig.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { openRun } from '../runs/openRun.js';
import { RunDirectory } from '../runs/RunDirectory.js';
import { assertTrainingMemoryFlat } from '../testing/assertTrainingMemoryFlat.js';
import { linearGapObjective } from '../testing/linearGapObjective.js';
import { tf } from '../tensorflow.js';
import { DivergenceError } from './DivergenceError.js';
import type { Trainer } from './Trainer.js';

const plugins = [corePlugin, definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective] })];
const small = { name: 'mlp', options: { hidden: [8] } };
const adam = { name: 'adam' as const, lr: 1e-3 };

/** The specs' run: linear-gap on ring8 with 8-unit MLPs, cpu, Adam 1e-3 for both players. */
function linearGapRun(iterations: number, run?: Record<string, number>): ResolvedConfig {
  return resolveConfig(
    {
      backend: 'cpu',
      objective: { name: 'linear-gap' },
      data: { name: 'ring8' },
      generator: { network: small },
      critic: { network: small },
      training: { iterations, optimizers: { critic: adam, generator: adam } },
      ...(run ? { run } : {}),
    },
    plugins,
  );
}

test.serial(
  'a NaN in an optimizer slot with finite losses: the state check stops the run at the next iteration and the last checkpoint is the one before',
  async (t) => {
    const dir = new RunDirectory(join(mkdtempSync(join(tmpdir(), 'ipmgan-state-')), 'run'));
    const resolved = linearGapRun(10, { logEvery: 1, checkpointEvery: 1 });
    // After iteration 3 is logged and checkpointed (hooks run before the checkpointer, so the
    // fault comes with iteration 4's first critic step), the generator's first Adam second
    // moment becomes NaN (a fault injected from outside, as a bit flip or a bad kernel would).
    let poisoned = false;
    const poison = {
      name: 'poison',
      afterCriticStep: async (trainer: Trainer) => {
        if (poisoned || trainer.state.iteration !== 3) return;
        poisoned = true;
        const weights = await trainer.state.generatorOptimizer.getWeights();
        const v = weights.find((w) => w.name === 'slot0/v')?.tensor;
        if (v instanceof tf.Variable) v.assign(tf.fill(v.shape, Number.NaN));
        for (const w of weights) if (!(w.tensor instanceof tf.Variable)) w.tensor.dispose();
      },
    };
    const run = await openRun({ resolved, plugins }, { directory: dir, hooks: [poison] });
    const error = await t.throwsAsync(run.trainer.fit(), { instanceOf: DivergenceError });
    // Iteration 4's losses are computed before the update and are finite; the update spreads
    // the NaN moment into the first generator kernel (2 x 8 = 16 values), whose new moment is
    // NaN too: 16 + 16.
    t.log(error.message);
    t.regex(
      error.message,
      /^the training state holds 32 non-finite values \(first: generator\/\S+ = NaN\) at iteration 4$/,
    );
    t.is(error.iteration, 4);
    t.is(run.checkpointer?.lastCheckpoint, join(dir.checkpointsPath, 'iter-0000003'));
    t.deepEqual(
      readdirSync(dir.checkpointsPath).filter((n) => n.startsWith('iter-')),
      ['iter-0000001', 'iter-0000002', 'iter-0000003'],
    );
    t.false(existsSync(join(dir.checkpointsPath, 'iter-0000004')));
    t.is(dir.readMetrics().length, 3);
    run.dispose();
  },
);

test.serial('the state check keeps tf.memory().numTensors flat over 50 iterations', async (t) => {
  const resolved = linearGapRun(51);
  const run = await openRun({ resolved, plugins }, { directory: null });
  await assertTrainingMemoryFlat(t, run, 51);
  run.dispose();
});
