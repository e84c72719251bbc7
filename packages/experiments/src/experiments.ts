import { fileURLToPath } from 'node:url';
import { E1ConfigSchema } from './E1ConfigSchema.js';
import { E2ConfigSchema } from './E2ConfigSchema.js';
import type { ExperimentOptions } from './ExperimentOptions.js';
import type { ExperimentOutcome } from './ExperimentOutcome.js';
import { loadExperimentConfig } from './loadExperimentConfig.js';
import { runE1 } from './runE1.js';
import { runE2 } from './runE2.js';

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

/** The paper's analytic toy experiments by name. */
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
};
