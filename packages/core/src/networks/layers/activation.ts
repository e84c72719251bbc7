import { tf } from '../../tensorflow.js';
import type { ActivationName } from './ActivationName.js';
import type { Layer } from './Layer.js';

/** An elementwise nonlinearity; leakySlope is the negative-side slope of 'leakyRelu'. */
export function activation(name: ActivationName, leakySlope = 0.2): Layer {
  const fn = (x: tf.Tensor): tf.Tensor => {
    switch (name) {
      case 'none':
        return x;
      case 'relu':
        return tf.relu(x);
      case 'leakyRelu':
        return tf.leakyRelu(x, leakySlope);
      case 'tanh':
        return tf.tanh(x);
      case 'sigmoid':
        return tf.sigmoid(x);
    }
  };
  return {
    trainableVariables: [],
    stateVariables: [],
    apply: (x) => fn(x),
    portable: () => [{ kind: 'activation', activation: name, leakySlope }],
  };
}
