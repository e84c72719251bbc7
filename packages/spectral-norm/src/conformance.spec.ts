import { constraintConformance, objectiveConformance } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

objectiveConformance(test, { plugin: ipmganPlugin, objective: 'sn-gan', badOptions: { powerIterations: 1 } });
constraintConformance(test, { plugin: ipmganPlugin, constraint: 'spectral-norm', badOptions: { powerIterations: 0 } });
