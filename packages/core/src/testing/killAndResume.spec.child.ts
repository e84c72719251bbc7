// The child process of killAndResume.spec.ts: core's trainInChild with a test plugin whose
// constraint keeps a step counter, declared as state or not (its `declared` option).
import { z } from 'zod';
import type { ConstraintExtension } from '../contracts/Extension.js';
import { corePlugin } from '../plugins/corePlugin.js';
import { definePlugin } from '../plugins/definePlugin.js';
import { tf } from '../tensorflow.js';
import { linearGapObjective } from './linearGapObjective.js';
import { trainInChild } from './trainInChild.js';

const Options = z.strictObject({ declared: z.boolean() });

/** 1e-3 (1 + steps) E[f(x)^2] on the real batch; steps counts critic steps. */
const countingPenalty: ConstraintExtension<z.output<typeof Options>> = {
  kind: 'constraint',
  id: 'counting-penalty',
  description: 'A penalty that grows with the critic steps taken (kill-and-resume fixture).',
  optionsSchema: Options,
  create: ({ declared }) => {
    let steps = 0;
    return {
      id: 'counting-penalty',
      penalty: ({ real, score }) => tf.mul(1e-3 * (1 + steps), tf.mean<tf.Scalar>(tf.square(score(real)))),
      afterCriticStep() {
        steps += 1;
      },
      ...(declared
        ? {
            state: {
              save: () => steps,
              restore: (saved) => {
                steps = saved as number;
              },
            },
          }
        : {}),
    };
  },
};

const fixture = definePlugin({
  name: '@ipmgan/kill-resume-fixture',
  version: '0.0.0',
  extensions: [linearGapObjective, countingPenalty],
});

await trainInChild(process.argv.slice(2), [corePlugin, fixture]);
