import { fileURLToPath } from 'node:url';
import { E1ConfigSchema } from './E1ConfigSchema.js';
import { E2ConfigSchema } from './E2ConfigSchema.js';
import { E5ConfigSchema } from './E5ConfigSchema.js';
import { E6ConfigSchema } from './E6ConfigSchema.js';
import { E8ConfigSchema } from './E8ConfigSchema.js';
import { E9ConfigSchema } from './E9ConfigSchema.js';
import { E10ConfigSchema } from './E10ConfigSchema.js';
import type { ExperimentOptions } from './ExperimentOptions.js';
import type { ExperimentOutcome } from './ExperimentOutcome.js';
import { loadExperimentConfig } from './loadExperimentConfig.js';
import { runE1 } from './runE1.js';
import { runE2 } from './runE2.js';
import { E5_DCGAN_FIGURE, E5_NO_BATCH_NORM_FIGURE, runE5 } from './runE5.js';
import { runE6 } from './runE6.js';
import { runE8 } from './runE8.js';
import { runE9 } from './runE9.js';
import { runE10 } from './runE10.js';
import { e3Analysis } from './e3Analysis.js';
import { e4Analysis } from './e4Analysis.js';
import { e7Analysis } from './e7Analysis.js';
import { runComparisonExperiment } from './runComparisonExperiment.js';
import type { z } from 'zod';

/** One reproducible experiment, as `ipmgan reproduce <name>` dispatches it. */
export interface ExperimentEntry {
  readonly description: string;
  /** The shipped config: this package's configs/<name>.yaml. */
  readonly defaultConfig: string;
  /**
   * The quick scale (`ipmgan reproduce --quick`): configs/quick/<name>.yaml, the same claims judged
   * on fewer iterations or seeds. Absent where the shipped config is already quick.
   */
  readonly quickConfig?: string;
  /** Reads and validates the config file, runs the experiment, writes its report into outDir. */
  run(configPath: string, outDir: string, options?: ExperimentOptions): Promise<ExperimentOutcome<unknown>>;
}

// src/ and dist/ both sit one level below the package; its configs/ folder is shipped with it.
const shipped = (file: string): string => fileURLToPath(new URL(`../configs/${file}`, import.meta.url));

/** An entry's run that validates its file against `schema` and hands the config to `run`. */
function runWithConfig<S extends z.ZodType>(
  schema: S,
  run: (config: z.output<S>, outDir: string, options?: ExperimentOptions) => Promise<ExperimentOutcome<unknown>>,
): ExperimentEntry['run'] {
  return async (configPath, outDir, options) => run(await loadExperimentConfig(schema, configPath), outDir, options);
}

/** An entry's run that trains its file's comparison (@ipmgan/compare) and reads it with `analyse`. */
function runComparison(title: string, analyse: Parameters<typeof runComparisonExperiment>[4]): ExperimentEntry['run'] {
  return (configPath, outDir, options = {}) => runComparisonExperiment(title, configPath, outDir, options, analyse);
}

/**
 * The paper's toy experiments by name: E1, E2, E10 analytic (critics trained with the generator
 * frozen); E3, E4 comparisons (trained by @ipmgan/compare); E5 (MNIST), E6, E8 trained through
 * core's Trainer (objectives on digits with three generators / clippings / critic optimizers); E9 fresh critics judging
 * generators taken from such runs.
 */
export const experiments: Readonly<Record<string, ExperimentEntry>> = {
  'e1-parallel-lines': {
    description:
      "WGAN paper Example 1 / Figure 1: W, JS, TV, KL against theta beside each objective's critic estimate; training g_theta(z) = (theta, z) from theta = 1.",
    defaultConfig: shipped('e1-parallel-lines.yaml'),
    run: runWithConfig(E1ConfigSchema, runE1),
  },
  'e2-optimal-critic': {
    description:
      'WGAN paper Figure 3: a GAN discriminator and a clipped WGAN critic trained to optimality between two 1-D Gaussians; saturation vs linearity.',
    defaultConfig: shipped('e2-optimal-critic.yaml'),
    run: runWithConfig(E2ConfigSchema, runE2),
  },
  'e3-ring': {
    description:
      'WGAN paper Figure 2: the 8-Gaussian ring, the four objectives and the installed contract-v2 ones (wgan-gp, sn-gan, fisher-gan), same nets, budget and 5 seeds: collapse by mass on all samples (mass KL, largest share), quality by high-quality samples (modes covered, %), over iterations.',
    defaultConfig: shipped('e3-ring.yaml'),
    quickConfig: shipped('quick/e3-ring.yaml'),
    run: runComparison('E3: the 8-Gaussian ring without mode collapse (WGAN paper, Figure 2)', e3Analysis),
  },
  'e3-grid': {
    description:
      'E3 on the 25-Gaussian grid: the four objectives and the installed contract-v2 ones (wgan-gp, sn-gan, fisher-gan), same nets, budget and 5 seeds.',
    defaultConfig: shipped('e3-grid.yaml'),
    quickConfig: shipped('quick/e3-grid.yaml'),
    run: runComparison('E3: the 25-Gaussian grid (WGAN paper, Figure 2 setting)', e3Analysis),
  },
  'e4-meaningful-loss': {
    description:
      'WGAN paper Section 4.3 (Figure 4 against Figures 5 and 9): per objective, the rank correlation between its estimate and exact W1 over training.',
    defaultConfig: shipped('e4-meaningful-loss.yaml'),
    quickConfig: shipped('quick/e4-meaningful-loss.yaml'),
    run: runComparison('E4: a meaningful loss metric (WGAN paper, Section 4.3)', e4Analysis),
  },
  'e5-mnist': {
    description:
      'WGAN paper Figures 4, 5 and 8: the 4x512 MLP generator on the shipped MNIST digits with WGAN and the GAN; a digit classifier trained first judges quality (class coverage, class KL, Frechet distance of its features) against each estimate over training, with sample sheets.',
    defaultConfig: shipped('e5-mnist.yaml'),
    quickConfig: shipped('quick/e5-mnist.yaml'),
    run: runWithConfig(E5ConfigSchema, runE5),
  },
  'e5-mnist-dcgan': {
    description:
      "WGAN paper Figures 4, 5 (upper right) and 6: E5 with the DCGAN generator (batch norm) and the DCGAN critic, WGAN and the GAN, at a reduced scale (filters 16); both should give good digits, only WGAN's estimate should track their quality.",
    defaultConfig: shipped('e5-mnist-dcgan.yaml'),
    quickConfig: shipped('quick/e5-mnist-dcgan.yaml'),
    run: runWithConfig(E5ConfigSchema, (config, outDir, options) => runE5(config, outDir, options, E5_DCGAN_FIGURE)),
  },
  'e5-mnist-nobn': {
    description:
      'WGAN paper Figure 7: E5 with a DCGAN generator without batch norm and with a constant number of filters, the DCGAN critic, WGAN and the GAN, at a reduced scale (filters 16); WGAN should still produce digits where the GAN fails to learn.',
    defaultConfig: shipped('e5-mnist-nobn.yaml'),
    quickConfig: shipped('quick/e5-mnist-nobn.yaml'),
    run: runWithConfig(E5ConfigSchema, (config, outDir, options) =>
      runE5(config, outDir, options, E5_NO_BATCH_NORM_FIGURE),
    ),
  },
  'e6-clipping': {
    description:
      "WGAN paper Section 3, weight clipping's trade-off: WGAN at c in {0.001, 0.01, 0.1}, and WGAN-GP beside it when installed: the critic's per-layer gradient norms, its estimate (raw and over K) and final exact W1.",
    defaultConfig: shipped('e6-clipping.yaml'),
    quickConfig: shipped('quick/e6-clipping.yaml'),
    run: runWithConfig(E6ConfigSchema, runE6),
  },
  'e7-critic-iterations': {
    description:
      'The read-through\'s "train the critic to convergence?": WGAN at n_critic in {1, 5, 25, 100} with an equal budget of 2000 critic steps (a compare sweep): final exact W1 and the estimate\'s correlation with it.',
    defaultConfig: shipped('e7-critic-iterations.yaml'),
    run: runComparison('E7: critic iterations per generator iteration at an equal critic-step budget', e7Analysis),
  },
  'e8-momentum': {
    description:
      "WGAN paper Section 3, momentum in the critic: RMSProp against Adam (beta1 0.5, 0.9) at one learning rate; estimate blow-ups counted, every critic step's cosine between the optimizer's step and the gradient.",
    defaultConfig: shipped('e8-momentum.yaml'),
    run: runWithConfig(E8ConfigSchema, runE8),
  },
  'e9-rank-generators': {
    description:
      "The read-through's open question, one critic to rank generators: WGAN and GAN generators at six budgets on the ring, each judged by a fresh critic of one architecture and c = 0.01; Spearman of its estimate (raw and over K) against exact W1 across generators.",
    defaultConfig: shipped('e9-rank-generators.yaml'),
    run: runWithConfig(E9ConfigSchema, runE9),
  },
  'e10-clipped-gan': {
    description:
      "WGAN paper Appendix G.1: a GAN discriminator with weight clipping at small to large c against WGAN's critic between two 1-D Gaussians: saturation and the gradient at the generated samples.",
    defaultConfig: shipped('e10-clipped-gan.yaml'),
    quickConfig: shipped('quick/e10-clipped-gan.yaml'),
    run: runWithConfig(E10ConfigSchema, runE10),
  },
};
