import test from 'ava';
import { z } from 'zod';
import type { Config } from '../config/ConfigSchema.js';
import type { ConstraintExtension } from '../contracts/Extension.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { tf } from '../tensorflow.js';
import { assertStopResumeExact } from './assertStopResumeExact.js';
import { linearGapObjective } from './linearGapObjective.js';

/** Draws from its own stream in the first three iterations only: after a resume at 3 the stream is restored and never drawn. */
const earlyDraws: ConstraintExtension<Record<string, never>> = {
  kind: 'constraint',
  id: 'early-draws',
  description: 'Draws one uniform per critic step while the iteration is below 3, and adds nothing (test constraint).',
  optionsSchema: z.strictObject({}),
  create: () => ({
    id: 'early-draws',
    penalty: (_inputs, { rng, iteration }) => {
      if (iteration < 3) rng.uniform();
      return tf.scalar(0);
    },
  }),
};

const plugins = [
  corePlugin,
  definePlugin({ name: 'fixture', version: '0.0.0', extensions: [linearGapObjective, earlyDraws] }),
];

const config: Config = {
  seed: 3,
  backend: 'cpu',
  objective: { name: 'linear-gap' },
  data: { name: 'ring8' },
  generator: { network: { name: 'mlp', options: { hidden: [8] } } },
  critic: { network: { name: 'mlp', options: { hidden: [8] } }, constraints: [{ name: 'early-draws' }] },
  training: { iterations: 6 },
  run: { logEvery: 1, checkpointEvery: 3 },
};

// linear-gap never draws from its stream "objective:linear-gap": a fresh run wrote that stream's
// state with a signed word (sfc32's warm-up leaves a = b ^ (b >>> 9) < 0), a resumed one unsigned.
test('streams never drawn, or drawn before the stop only, are written in one form: the last manifests are the same bytes', async (t) => {
  await assertStopResumeExact(t, config, plugins, 3);
});
