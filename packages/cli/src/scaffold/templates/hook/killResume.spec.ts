import { killAndResume, ringConfig } from '@ipmgan/core/testing';
import test from 'ava';

// WGAN (a devDependency) with this hook installed: the drill evaluates every 20 iterations, so
// the hook's own stream must be restored from the checkpoint for metrics.jsonl to match. The
// child processes import this package's dist/ (npm test builds it first), found from this
// folder as `ipmgan train` finds an installed plugin.
test.serial(
  'WGAN with template-hook, SIGKILLed at a random iteration and resumed: metrics.jsonl, samples and the final tensors are byte-identical',
  async (t) => {
    const config = ringConfig('wgan', { plugins: ['ipmgan-template-hook'], training: { iterations: 40 } });
    await killAndResume(t, { config });
  },
);
