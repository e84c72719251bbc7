import { comparisonExperiment } from '../comparisonExperiment.js';
import { defineExperiment } from '../defineExperiment.js';
import { e3Analysis } from './e3Analysis.js';

/** E3, the WGAN paper's Figure 2: the objectives on a Gaussian mixture, mode collapse measured by mass and by quality. */
export const e3 = defineExperiment(
  comparisonExperiment({
    key: 'e3',
    what: 'mixtures',
    variants: [
      {
        name: 'e3-ring',
        description:
          'WGAN paper Figure 2: the 8-Gaussian ring, the four objectives and the installed contract-v2 ones (wgan-gp, sn-gan, fisher-gan), same nets, budget and 5 seeds: collapse by mass on all samples (mass KL, largest share), quality by high-quality samples (modes covered, %), over iterations.',
        quick: true,
        setting: 'E3: the 8-Gaussian ring without mode collapse (WGAN paper, Figure 2)',
      },
      {
        name: 'e3-grid',
        description:
          'E3 on the 25-Gaussian grid: the four objectives and the installed contract-v2 ones (wgan-gp, sn-gan, fisher-gan), same nets, budget and 5 seeds.',
        quick: true,
        setting: 'E3: the 25-Gaussian grid (WGAN paper, Figure 2 setting)',
      },
    ],
    analyse: e3Analysis,
  }),
);
