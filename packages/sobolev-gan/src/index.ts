import { definePlugin } from '@ipmgan/core';
import { sobolevGan } from './sobolevGan.js';

export { sobolevGan } from './sobolevGan.js';
export { sobolevLagrangian, type SobolevLagrangian } from './sobolevLagrangian.js';
export { sobolevNorm } from './sobolevNorm.js';
export { multiplierStep } from './multiplierStep.js';

/** The plugin ipmgan's loader imports: `objective: { name: sobolev-gan }` in a config selects it. */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/sobolev-gan',
  version: '0.1.0',
  extensions: [sobolevGan],
});
