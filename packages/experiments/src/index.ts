export { experiments } from './experiments.js';
export type { Experiment, ExperimentVariant } from './Experiment.js';

import { experimentsPlugin } from './experimentsPlugin.js';

/** The plugin ipmgan's loader imports (`plugins: ['@ipmgan/experiments']`): the toy generators. */
export const ipmganPlugin = experimentsPlugin;
