// The one place that loads TensorFlow.js. Gradients for ops such as relu are registered
// by tfjs-layers, so it must be imported even though ipmgan builds its own networks.
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

// Production mode skips tfjs's debug checks, and its console banner advertising
// tfjs-node, which ipmgan's `backend` option already covers.
tf.enableProdMode();

export { tf };
