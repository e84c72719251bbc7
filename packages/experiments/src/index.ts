export { experiments, type ExperimentEntry } from './experiments.js';
export { runE1 } from './runE1.js';
export { runE2 } from './runE2.js';
export { runComparisonExperiment, type ComparisonAnalysis } from './runComparisonExperiment.js';
export { e3Claims, E3_THRESHOLDS, massKlThreshold } from './e3Claims.js';
export { e3Curves, type E3CurvePoint } from './e3Curves.js';
export { e4Claims, E4_THRESHOLDS } from './e4Claims.js';
export { e4Correlations, type E4Correlations } from './e4Correlations.js';
export { measureE1, type E1Results, type E1ObjectiveResults } from './measureE1.js';
export { measureE2, type E2Results } from './measureE2.js';
export { e1Claims, E1_THRESHOLDS } from './e1Claims.js';
export { e2Claims, E2_THRESHOLDS } from './e2Claims.js';
export type { Claim } from './Claim.js';
export { E1ConfigSchema, type E1Config, type E1ConfigInput } from './E1ConfigSchema.js';
export { E2ConfigSchema, type E2Config, type E2ConfigInput } from './E2ConfigSchema.js';
export { ObjectiveEntrySchema, type ObjectiveEntry } from './ObjectiveEntrySchema.js';
export { loadExperimentConfig } from './loadExperimentConfig.js';
export type { ExperimentOptions } from './ExperimentOptions.js';
export type { ExperimentOutcome } from './ExperimentOutcome.js';
export type { FigureRenderer, VegaLiteSpec } from './FigureRenderer.js';
export { parallelLinesDistances, type ParallelLinesDistances } from './parallelLinesDistances.js';
export { parallelLineGenerator } from './parallelLineGenerator.js';
export { gaussianShiftGenerator } from './gaussianShiftGenerator.js';
export { experimentsPlugin } from './experimentsPlugin.js';
export { experimentPlugins } from './experimentPlugins.js';

import { experimentsPlugin } from './experimentsPlugin.js';

/** The plugin ipmgan's loader imports (`plugins: ['@ipmgan/experiments']`): the toy generators. */
export const ipmganPlugin = experimentsPlugin;
export { renderFigure } from './renderFigure.js';
