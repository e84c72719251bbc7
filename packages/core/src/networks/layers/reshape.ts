import { tf } from '../../tensorflow.js';
import type { Layer } from './Layer.js';

/** Reshapes every sample to `shape` (one entry may be -1); the batch axis stays. */
export function reshape(shape: readonly number[]): Layer {
  return {
    trainableVariables: [],
    stateVariables: [],
    apply: (x) => tf.reshape(x, [...x.shape.slice(0, 1), ...shape]),
    portable: () => [{ kind: 'reshape', shape: [...shape] }],
  };
}
