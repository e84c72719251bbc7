import { constraintConformance, objectiveConformance } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

objectiveConformance(test, { plugin: ipmganPlugin, objective: 'wgan-gp', badOptions: { lambda: 10 } });
constraintConformance(test, { plugin: ipmganPlugin, constraint: 'gradient-penalty', badOptions: { lambda: -1 } });
constraintConformance(test, {
  plugin: ipmganPlugin,
  constraint: 'gradient-penalty',
  options: { oneSided: true },
  badOptions: { oneSided: 'yes' },
});
