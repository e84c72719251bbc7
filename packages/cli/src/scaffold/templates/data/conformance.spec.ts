import { dataSourceConformance } from '@ipmgan/core/testing';
import test from 'ava';
import { ipmganPlugin } from './index.js';

// badOptions: options the schema must reject, naming the first key.
dataSourceConformance(test, { plugin: ipmganPlugin, badOptions: { halfWidth: 0 } });
