import { killAndResume, ringConfig } from '@ipmgan/core/testing';
import test from 'ava';

// The drill's child processes train this package's dist/ (npm test builds it first), found
// from this folder as `ipmgan train` finds an installed plugin.
test.serial(
  'SIGKILLed at a random iteration and resumed, metrics.jsonl, samples and the final tensors are byte-identical',
  async (t) => {
    await killAndResume(t, { config: ringConfig('template-objective', { training: { iterations: 40 } }) });
  },
);
