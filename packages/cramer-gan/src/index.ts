import { definePlugin } from '@ipmgan/core';
import { cramerGan } from './cramerGan.js';

export { cramerGan } from './cramerGan.js';
export { CramerGanOptions } from './CramerGanOptions.js';
export { cramerCritic, cramerLosses } from './cramerLosses.js';
export { energyDistance, energyWitness } from './energyDistance.js';
export { NORM_FLOOR, pairwiseDistances, rowNorms } from './featureDistances.js';

/** The plugin ipmgan's loader imports: `objective: { name: cramer-gan }` in a config selects it. */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/cramer-gan',
  version: '0.1.0',
  extensions: [cramerGan],
});
