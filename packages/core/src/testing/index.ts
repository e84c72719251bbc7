export { objectiveConformance } from './objectiveConformance.js';
export type { ObjectiveConformanceOptions } from './ObjectiveConformanceOptions.js';
export type { ConformanceTest, ConformanceAssertions } from './ConformanceTest.js';
export { meanDistanceToMode } from './meanDistanceToMode.js';
export { meanDistanceToNearestCentre } from './meanDistanceToNearestCentre.js';
export { assertClose } from './assertClose.js';
export { testPluginContext } from './testPluginContext.js';
export { linearCritic } from './linearCritic.js';
export { constraintConformance } from './constraintConformance.js';
export type { ConstraintConformanceOptions } from './ConstraintConformanceOptions.js';
export { dataSourceConformance } from './dataSourceConformance.js';
export { networkConformance } from './networkConformance.js';
export type { NetworkConformanceOptions } from './NetworkConformanceOptions.js';
export type { DataSourceConformanceOptions } from './DataSourceConformanceOptions.js';
export { linearGapObjective } from './linearGapObjective.js';
export { ringConfig } from './ringConfig.js';
export { openRun } from '../runs/openRun.js';
export { metricsWithoutClock } from './metricsWithoutClock.js';
export { criticLipschitz } from './criticLipschitz.js';
export { pythonWithTorch } from './pythonWithTorch.js';
export { npyBytes } from './npyBytes.js';
export {
  killAndResume,
  type KillResumeCommand,
  type KillResumeOptions,
  type KillResumeReport,
} from './killAndResume.js';
export { resealCheckpoint } from './resealCheckpoint.js';
export { readTfEvents, type ReadEvent } from './readTfEvents.js';
export { objectiveInputsOf } from './objectiveInputsOf.js';
export { readNumber } from './readNumber.js';
export { readNumbers } from './readNumbers.js';
export { assertTrainingMemoryFlat } from './assertTrainingMemoryFlat.js';
export { ringTrainingChecks, type RingTrainingChecksOptions } from './ringTrainingChecks.js';
export { trainOnRing, type RingTrainingResult } from './trainOnRing.js';
