import { definePlugin } from '@ipmgan/core';
import { gradientPenalty } from './gradientPenalty.js';
import { wganGp } from './wganGp.js';

export { gradientPenalty } from './gradientPenalty.js';
export { gradientPenaltyTerm, type GradientPenaltyWeights } from './gradientPenaltyTerm.js';
export { wganGp } from './wganGp.js';

/**
 * The plugin ipmgan's loader imports: `objective: { name: wgan-gp }` selects WGAN-GP, and
 * `critic.constraints: [{ name: gradient-penalty }]` adds the penalty to any objective's critic.
 */
export const ipmganPlugin = definePlugin({
  name: '@ipmgan/gradient-penalty',
  version: '0.1.0',
  extensions: [gradientPenalty, wganGp],
});
