import { definePlugin } from '@ipmgan/core';
import { mmdGan } from './mmdGan.js';

export { mmdGan } from './mmdGan.js';
export { MmdGanOptions } from './MmdGanOptions.js';
export { featureMmd2, kernelMinusCount } from './featureMmd2.js';
export { kernelWitness } from './kernelWitness.js';

/** The plugin ipmgan's loader imports: `objective: { name: mmd-gan }` in a config selects it. */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/mmd-gan',
  version: '0.1.0',
  extensions: [mmdGan],
});
