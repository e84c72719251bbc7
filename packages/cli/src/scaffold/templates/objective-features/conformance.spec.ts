import { objectiveConformance } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

// badOptions: options the schema must reject, naming the first key.
objectiveConformance(test, { plugin: ipmganPlugin, badOptions: { features: 0 } });
