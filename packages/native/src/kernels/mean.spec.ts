import * as tf from '@tensorflow/tfjs-core';
import { leadingReductionSpecs } from '../testing/leadingReductionSpecs.js';

// Column means of [[1, 2], [3, 4], [5, 6]]: (1 + 3 + 5) / 3, (2 + 4 + 6) / 3.
leadingReductionSpecs({ kernelName: tf.Mean, reduce: tf.mean, byHand: [3, 4] });
