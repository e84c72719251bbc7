import { definePlugin } from '@ipmgan/core';
import { mmd } from './mmd.js';

export { mmd } from './mmd.js';
export { MmdOptions } from './MmdOptions.js';
export { mmdEstimators } from './mmdEstimators.js';
export { kernelMmd2 } from './kernelMmd2.js';
export { gaussianKernelMixture } from './gaussianKernelMixture.js';
export { medianHeuristic, MEDIAN_POINTS_PER_SIDE } from './medianHeuristic.js';
export { pairwiseSquaredDistances } from './pairwiseSquaredDistances.js';

/** The plugin ipmgan's loader imports: `objective: { name: mmd }` (or `gmmn`) in a config selects it. */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/mmd',
  version: '0.1.0',
  extensions: [mmd],
});
