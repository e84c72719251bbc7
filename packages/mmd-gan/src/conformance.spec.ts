import { objectiveConformance } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

// The estimate is the biased MMD^2 of the features: exactly 0 for a batch against itself.
objectiveConformance(test, { plugin: ipmganPlugin, badOptions: { estimator: 'quadratic' } });
objectiveConformance(test, {
  plugin: ipmganPlugin,
  options: { bandwidths: 'median' },
  badOptions: { medianFactors: [0] },
});
