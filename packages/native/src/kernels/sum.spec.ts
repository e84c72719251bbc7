import * as tf from '@tensorflow/tfjs-core';
import { leadingReductionSpecs } from '../testing/leadingReductionSpecs.js';

// Column sums of [[1, 2], [3, 4], [5, 6]]: 1 + 3 + 5, 2 + 4 + 6.
leadingReductionSpecs({ kernelName: tf.Sum, reduce: tf.sum, byHand: [9, 12] });
