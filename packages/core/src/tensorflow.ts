// The one place that loads TensorFlow.js. Gradients for ops such as relu are registered
// by tfjs-layers, so it must be imported even though ipmgan builds its own networks.
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { squaredDifferenceGradConfig } from './backend/squaredDifferenceGrad.js';

// Production mode skips tfjs's debug checks, and its console banner advertising
// tfjs-node, which ipmgan's `backend` option already covers.
tf.enableProdMode();

// tfjs 4.22's SquaredDifference gradient breaks under broadcasting (squaredDifferenceGrad.ts);
// gradients are global, so the fix holds on every backend. Unregister first: registering warns.
// The registry's getter returns undefined for a missing entry despite its type.
const stockSquaredDifference = tf.getGradient(tf.SquaredDifference) as tf.GradConfig | undefined;
if (stockSquaredDifference !== squaredDifferenceGradConfig) {
  if (stockSquaredDifference !== undefined) tf.unregisterGradient(tf.SquaredDifference);
  tf.registerGradient(squaredDifferenceGradConfig);
}

export { tf };
