import { definePlugin } from '@ipmgan/core';
import { wgan } from './wgan.js';

export { wgan } from './wgan.js';
export { wassersteinLosses } from './wassersteinLosses.js';

/** The plugin ipmgan's loader imports: `objective: { name: wgan }` in a config selects it. */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/critic-wgan',
  version: '0.1.0',
  extensions: [wgan],
});
