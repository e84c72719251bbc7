import { killAndResume, ringConfig } from '@ipmgan/core/testing';
import test from 'ava';

// WGAN (a devDependency) trained with this constraint in place of its weight clipping. The
// drill's child processes import this package's dist/ (npm test builds it first), found from
// this folder as `ipmgan train` finds an installed plugin.
test.serial(
  'WGAN with template-constraint, SIGKILLed at a random iteration and resumed: metrics.jsonl, samples and the final tensors are byte-identical',
  async (t) => {
    const config = ringConfig('wgan', {
      plugins: ['ipmgan-template-constraint'],
      critic: { constraints: [{ name: 'template-constraint' }] },
      training: { iterations: 40 },
    });
    await killAndResume(t, { config });
  },
);
