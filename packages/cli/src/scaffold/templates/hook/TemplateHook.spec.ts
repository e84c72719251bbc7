import { definePlugin, tf, type StepResult } from '@ipmgan/core';
import { corePlugin, openRun, PluginContexts, resolveConfig } from '@ipmgan/core/engine';
import { assertClose, linearGapObjective } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

const objective = definePlugin({ name: 'objective', version: '0.0.0', extensions: [linearGapObjective] });

test.serial(
  'the plugin adds the hook to a run; its metric at iteration 4 is ||mean g(z)|| on its own stream',
  async (t) => {
    const plugins = [corePlugin, objective, ipmganPlugin];
    const steps: StepResult[] = [];
    const config = resolveConfig(
      {
        seed: 2,
        backend: 'cpu',
        objective: { name: 'linear-gap' },
        data: { name: 'ring8' },
        generator: { network: { name: 'mlp', options: { hidden: [8] } } },
        critic: { network: { name: 'mlp', options: { hidden: [8] } } },
        training: { iterations: 4 },
        run: { logEvery: 2, evaluateEvery: 2 },
        evaluation: { samples: 32, projections: 4, lipschitz: false },
      },
      plugins,
    );
    const run = await openRun(
      { resolved: config, plugins },
      {
        directory: null,
        hooks: [{ name: 'collect', afterGeneratorStep: (_, step) => void steps.push(step) }],
      },
    );
    await run.trainer.fit();
    t.deepEqual(
      steps.map((s) => s.evaluation?.templateMeanNorm !== undefined),
      [false, true, false, true],
    );
    // Replay the hook's stream: one draw at iteration 2, then iteration 4's with the final generator.
    const { rng } = new PluginContexts(2).contextFor(PluginContexts.hookKey('template-hook'));
    const { generator } = run.trainer;
    tf.dispose(generator.noise(256, rng));
    const expected = tf.tidy(
      () => tf.norm(tf.mean(generator.generate(generator.noise(256, rng), false), 0)).dataSync()[0],
    );
    assertClose(t, steps[3]?.evaluation?.templateMeanNorm ?? Number.NaN, expected ?? Number.NaN, 1e-6);
    run.dispose();
  },
);
