export { objectiveConformance } from './objectiveConformance.js';
export type { ObjectiveConformanceOptions } from './ObjectiveConformanceOptions.js';
export type { ConformanceTest, ConformanceAssertions } from './ConformanceTest.js';
export { meanDistanceToMode } from './meanDistanceToMode.js';
export { meanDistanceToNearestCentre } from './meanDistanceToNearestCentre.js';
export { assertClose } from './assertClose.js';
export { testPluginContext } from './testPluginContext.js';
export { linearCritic } from './linearCritic.js';
