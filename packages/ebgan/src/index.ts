import { definePlugin } from '@ipmgan/core';
import { ebgan } from './ebgan.js';

export { ebgan, type EbganOptions } from './ebgan.js';
export { ebganLosses } from './ebganLosses.js';
export { pullingAway } from './pullingAway.js';

/** The plugin ipmgan's loader imports: `objective: { name: ebgan }` in a config selects it. */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/ebgan',
  version: '0.1.0',
  extensions: [ebgan],
});
