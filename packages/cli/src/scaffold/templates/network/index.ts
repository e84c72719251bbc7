import { definePlugin } from '@ipmgan/core';
import { templateNetwork } from './templateNetwork.js';

export { templateNetwork } from './templateNetwork.js';

/** What ipmgan imports: list the package in `plugins:` and set `network: { name: template-network }`. */
export const ipmganPlugin = definePlugin({
  name: 'ipmgan-template-network',
  version: '0.1.0',
  extensions: [templateNetwork],
});
