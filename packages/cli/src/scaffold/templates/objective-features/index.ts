import { definePlugin } from '@ipmgan/core';
import { templateObjective } from './templateObjective.js';

export { templateObjective } from './templateObjective.js';
export { templateObjectiveLosses } from './templateObjectiveLosses.js';

/** What ipmgan imports: `objective: { name: template-objective }` in a config file selects the objective. */
export const ipmganPlugin = definePlugin({
  name: 'ipmgan-template-objective',
  version: '0.1.0',
  extensions: [templateObjective],
});
