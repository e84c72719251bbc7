import { definePlugin } from '@ipmgan/core';
import { gaussianShiftGenerator } from './gaussianShiftGenerator.js';
import { parallelLineGenerator } from './parallelLineGenerator.js';

/**
 * The experiments' one-parameter generators as network extensions, so the real Trainer
 * trains them (`generator.network.name: parallel-line` or `gaussian-shift`).
 */
export const experimentsPlugin = definePlugin({
  name: '@ipmgan/experiments',
  version: '0.1.0',
  extensions: [parallelLineGenerator, gaussianShiftGenerator],
});
