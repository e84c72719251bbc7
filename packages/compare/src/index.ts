export { runComparison, resumeComparison, type Comparison, type ComparisonOptions } from './runComparison.js';
export { planCompare } from './planCompare.js';
export { CompareProgress } from './CompareProgress.js';
export type { PlannedRun } from './PlannedRun.js';
export type { RunResult } from './RunResult.js';
export { progressLine, formatDuration, type ProgressFigures } from './progressLine.js';
