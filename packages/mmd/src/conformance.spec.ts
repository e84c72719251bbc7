import { objectiveConformance } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

// The estimate is the unbiased MMD^2: 0 in expectation on identical distributions, not per batch.
objectiveConformance(test, {
  plugin: ipmganPlugin,
  badOptions: { estimator: 'quadratic' },
  estimateOnIdentical: 'expectation',
});
