import { killAndResume, ringConfig } from '@ipmgan/core/testing';
import test from 'ava';

// WGAN (a devDependency) trained on this data source: the drill checks that every batch is
// drawn from the run's streams, so a resumed run draws what the uninterrupted one drew. The
// child processes import this package's dist/ (npm test builds it first), found from this
// folder as `ipmgan train` finds an installed plugin.
test.serial(
  'WGAN on template-data, SIGKILLed at a random iteration and resumed: metrics.jsonl, samples and the final tensors are byte-identical',
  async (t) => {
    const config = ringConfig('wgan', {
      plugins: ['ipmgan-template-data'],
      data: { name: 'template-data' },
      training: { iterations: 40 },
    });
    await killAndResume(t, { config });
  },
);
