import { definePlugin } from '@ipmgan/core';
import { snGan } from './snGan.js';
import { spectralNorm } from './spectralNorm.js';

export { hingeLosses } from './hingeLosses.js';
export { powerIteration, type PowerIterationStep } from './powerIteration.js';
export { snGan } from './snGan.js';
export { spectralNorm } from './spectralNorm.js';

/**
 * The plugin ipmgan's loader imports: `objective: { name: sn-gan }` selects SN-GAN, and
 * `critic.constraints: [{ name: spectral-norm }]` normalises any objective's critic.
 */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/spectral-norm',
  version: '0.1.0',
  extensions: [spectralNorm, snGan],
});
