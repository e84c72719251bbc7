import { comparisonExperiment } from '../comparisonExperiment.js';
import { defineExperiment } from '../defineExperiment.js';
import { e4Analysis } from './e4Analysis.js';

/** E4, the WGAN paper's Section 4.3: does each objective's estimate track exact W1 over training? */
export const e4 = defineExperiment(
  comparisonExperiment({
    key: 'e4',
    what: 'meaningful loss',
    variants: [
      {
        name: 'e4-meaningful-loss',
        description:
          'WGAN paper Section 4.3 (Figure 4 against Figures 5 and 9): per objective, the rank correlation between its estimate and exact W1 over training.',
        quick: true,
        setting: 'E4: a meaningful loss metric (WGAN paper, Section 4.3)',
      },
    ],
    analyse: e4Analysis,
  }),
);
