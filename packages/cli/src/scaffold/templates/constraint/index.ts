import { definePlugin } from '@ipmgan/core';
import { templateConstraint } from './templateConstraint.js';

export { templateConstraint } from './templateConstraint.js';

/** What ipmgan imports: list the package in `plugins:` and name `template-constraint` in `critic.constraints`. */
export const ipmganPlugin = definePlugin({
  name: 'ipmgan-template-constraint',
  version: '0.1.0',
  extensions: [templateConstraint],
});
