import { definePlugin } from '@ipmgan/core';
import { templateData } from './templateData.js';

export { templateData } from './templateData.js';

/** What ipmgan imports: list the package in `plugins:` and set `data: { name: template-data }`. */
export const ipmganPlugin = definePlugin({
  name: 'ipmgan-template-data',
  version: '0.1.0',
  extensions: [templateData],
});
