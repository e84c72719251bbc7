import { definePlugin } from '@ipmgan/core';
import { fisherGan } from './fisherGan.js';

export { fisherGan } from './fisherGan.js';
export { fisherLagrangian, multiplierStep, type FisherLagrangian } from './fisherLagrangian.js';

/** The plugin ipmgan's loader imports: `objective: { name: fisher-gan }` in a config selects it. */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/fisher-gan',
  version: '0.1.0',
  extensions: [fisherGan],
});
