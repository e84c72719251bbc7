import { e1 } from './e1/e1.js';
import { e2 } from './e2/e2.js';
import { e3 } from './e3/e3.js';
import { e4 } from './e4/e4.js';
import { e5 } from './e5/e5.js';
import { e6 } from './e6/e6.js';
import { e7 } from './e7/e7.js';
import { e8 } from './e8/e8.js';
import { e9 } from './e9/e9.js';
import { e10 } from './e10/e10.js';
import type { Experiment } from './Experiment.js';

/**
 * The paper's toy experiments, in its order: the one list `ipmgan reproduce` (its groups and
 * help), the quick-configs check and scripts/publish-reproductions.mjs read. E1, E2, E10
 * analytic (critics trained with the generator frozen); E3, E4, E7 comparisons (trained by
 * @ipmgan/compare); E5 (MNIST), E6, E8 trained through core's Trainer; E9 fresh critics judging
 * generators taken from such runs.
 */
export const experiments: readonly Experiment[] = [e1, e2, e3, e4, e5, e6, e7, e8, e9, e10];
