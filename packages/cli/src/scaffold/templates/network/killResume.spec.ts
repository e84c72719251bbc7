import { killAndResume, ringConfig } from '@ipmgan/core/testing';
import test from 'ava';

// WGAN (a devDependency) with this network as generator and critic: the drill checks that its
// initial weights come from the run's seed and that its variables are all checkpointed. The
// child processes import this package's dist/ (npm test builds it first), found from this
// folder as `ipmgan train` finds an installed plugin.
test.serial(
  'WGAN with template-network players, SIGKILLed at a random iteration and resumed: metrics.jsonl, samples and the final tensors are byte-identical',
  async (t) => {
    const network = { name: 'template-network' };
    const config = ringConfig('wgan', {
      plugins: ['ipmgan-template-network'],
      generator: { network },
      critic: { network },
      training: { iterations: 40 },
    });
    await killAndResume(t, { config });
  },
);
