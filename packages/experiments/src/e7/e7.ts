import { comparisonExperiment } from '../comparisonExperiment.js';
import { defineExperiment } from '../defineExperiment.js';
import { e7Analysis } from './e7Analysis.js';

/** E7: WGAN at several critic iterations per generator iteration, with one critic-step budget (a compare sweep). */
export const e7 = defineExperiment(
  comparisonExperiment({
    key: 'e7',
    what: 'critic iterations',
    variants: [
      {
        name: 'e7-critic-iterations',
        description:
          'The read-through\'s "train the critic to convergence?": WGAN at n_critic in {1, 5, 25, 100} with an equal budget of 2000 critic steps (a compare sweep): final exact W1 and the estimate\'s correlation with it.',
        setting: 'E7: critic iterations per generator iteration at an equal critic-step budget',
      },
    ],
    analyse: e7Analysis,
  }),
);
