import { constraintConformance } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

// badOptions: options the schema must reject, naming the first key.
constraintConformance(test, { plugin: ipmganPlugin, badOptions: { radius: -1 } });
