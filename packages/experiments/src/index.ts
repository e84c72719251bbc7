export { experiments } from './experiments.js';
export type { Experiment, ExperimentVariant } from './Experiment.js';
export type { ExperimentOptions } from './ExperimentOptions.js';
export type { ExperimentOutcome } from './ExperimentOutcome.js';
export type { Claim } from './Claim.js';

import { experimentsPlugin } from './experimentsPlugin.js';

/** The plugin ipmgan's loader imports (`plugins: ['@ipmgan/experiments']`): the toy generators. */
export const ipmganPlugin = experimentsPlugin;
