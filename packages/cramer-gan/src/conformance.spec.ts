import { objectiveConformance } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

// The estimate is the energy distance of the features over all pairs (V-statistic): exactly 0
// for a batch against itself.
objectiveConformance(test, { plugin: ipmganPlugin, badOptions: { lambda: -1 } });
