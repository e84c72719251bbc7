import { fileURLToPath } from 'node:url';
import { E1ConfigSchema } from './E1ConfigSchema.js';
import { E2ConfigSchema } from './E2ConfigSchema.js';
import type { ExperimentOptions } from './ExperimentOptions.js';
import type { ExperimentOutcome } from './ExperimentOutcome.js';
import { loadExperimentConfig } from './loadExperimentConfig.js';
import { runE1 } from './runE1.js';
import { runE2 } from './runE2.js';
import { e3Analysis } from './e3Analysis.js';
import { e4Analysis } from './e4Analysis.js';
import { runComparisonExperiment } from './runComparisonExperiment.js';

/** One reproducible experiment, as `ipmgan reproduce <name>` dispatches it. */
export interface ExperimentEntry {
  readonly description: string;
  /** The shipped config: the repository's experiments/<name>.yaml. */
  readonly defaultConfig: string;
  /** Reads and validates the config file, runs the experiment, writes its report into outDir. */
  run(configPath: string, outDir: string, options?: ExperimentOptions): Promise<ExperimentOutcome<unknown>>;
}

// src/ and dist/ both sit one level below the package, two below the repository root.
const shipped = (file: string): string => fileURLToPath(new URL(`../../../experiments/${file}`, import.meta.url));

/** The paper's toy experiments by name: E1, E2 analytic; E3, E4 comparisons (trained by @ipmgan/compare). */
export const experiments: Readonly<Record<string, ExperimentEntry>> = {
  'e1-parallel-lines': {
    description:
      "WGAN paper Example 1 / Figure 1: W, JS, TV, KL against theta beside each objective's critic estimate; training g_theta(z) = (theta, z) from theta = 1.",
    defaultConfig: shipped('e1-parallel-lines.yaml'),
    run: async (configPath, outDir, options) =>
      runE1(await loadExperimentConfig(E1ConfigSchema, configPath), outDir, options),
  },
  'e2-optimal-critic': {
    description:
      'WGAN paper Figure 3: a GAN discriminator and a clipped WGAN critic trained to optimality between two 1-D Gaussians; saturation vs linearity.',
    defaultConfig: shipped('e2-optimal-critic.yaml'),
    run: async (configPath, outDir, options) =>
      runE2(await loadExperimentConfig(E2ConfigSchema, configPath), outDir, options),
  },
  'e3-ring': {
    description:
      'WGAN paper Figure 2: the 8-Gaussian ring, all four objectives, same nets, budget and 5 seeds: collapse by mass on all samples (mass KL, largest share), quality by high-quality samples (modes covered, %), over iterations.',
    defaultConfig: shipped('e3-ring.yaml'),
    run: (configPath, outDir, options = {}) =>
      runComparisonExperiment(
        'E3: the 8-Gaussian ring without mode collapse (WGAN paper, Figure 2)',
        configPath,
        outDir,
        options,
        e3Analysis,
      ),
  },
  'e3-grid': {
    description: 'E3 on the 25-Gaussian grid: all four objectives, same nets, budget and 5 seeds.',
    defaultConfig: shipped('e3-grid.yaml'),
    run: (configPath, outDir, options = {}) =>
      runComparisonExperiment(
        'E3: the 25-Gaussian grid (WGAN paper, Figure 2 setting)',
        configPath,
        outDir,
        options,
        e3Analysis,
      ),
  },
  'e4-meaningful-loss': {
    description:
      'WGAN paper Section 4.3 (Figure 4 against Figures 5 and 9): per objective, the rank correlation between its estimate and exact W1 over training.',
    defaultConfig: shipped('e4-meaningful-loss.yaml'),
    run: (configPath, outDir, options = {}) =>
      runComparisonExperiment(
        'E4: a meaningful loss metric (WGAN paper, Section 4.3)',
        configPath,
        outDir,
        options,
        e4Analysis,
      ),
  },
};
