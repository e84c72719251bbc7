import { definePlugin } from '@ipmgan/core';
import { gan } from './gan.js';

export { gan } from './gan.js';
export { ganLosses } from './ganLosses.js';

/** The plugin ipmgan's loader imports: `objective: { name: gan }` in a config selects it. */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/disc-gan',
  version: '0.1.0',
  extensions: [gan],
});
