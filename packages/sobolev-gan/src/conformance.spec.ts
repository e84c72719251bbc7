import { objectiveConformance } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

objectiveConformance(test, { plugin: ipmganPlugin, badOptions: { rho: -1 } });
