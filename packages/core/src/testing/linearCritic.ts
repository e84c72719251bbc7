import type { Critic } from '../contracts/Critic.js';
import { sequentialNetwork } from '../networks/layers/sequentialNetwork.js';
import { weightLayer } from '../networks/layers/weightLayer.js';
import { ScoreCritic } from '../players/ScoreCritic.js';
import { tf } from '../tensorflow.js';

/**
 * The linear critic f(x) = x . w + b as a real Critic with one dense layer, for hand-derived
 * tests of constraints: its gradient in x is w everywhere, and `critic.layers[0]` is the
 * layer a reparametrisation or projection sees. `w` has one entry per input coordinate.
 * Dispose with `critic.networks[0]?.dispose()`.
 */
export function linearCritic(w: readonly number[], b = 0): Critic {
  const kernel = tf.variable(tf.tensor2d([...w], [w.length, 1]), true); // [in, 1]
  const bias = tf.variable(tf.tensor1d([b]), true); // [1]
  const layer = weightLayer('dense', 'linear-critic', kernel, bias);
  return new ScoreCritic(
    sequentialNetwork({
      inputShape: [w.length],
      outputShape: [1],
      layers: [
        {
          trainableVariables: [kernel, bias],
          stateVariables: [],
          weightLayer: layer,
          apply: (x, training) =>
            tf.add(tf.matMul(x, layer.transform ? layer.transform(kernel, training) : kernel), bias),
        },
      ],
    }),
  );
}
