import type { Network } from '../../contracts/Network.js';
import { tf } from '../../tensorflow.js';
import type { Layer } from './Layer.js';

interface SequentialSpec {
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  /** Applied in order; the last must produce [batch, ...outputShape]. */
  readonly layers: readonly Layer[];
}

/** A Network that runs its layers one after the other and owns all their variables. */
export function sequentialNetwork(spec: SequentialSpec): Network {
  const inputShape = [...spec.inputShape];
  const outputShape = [...spec.outputShape];
  const layers = [...spec.layers];
  const trainableVariables = layers.flatMap((l) => l.trainableVariables);
  const stateVariables = layers.flatMap((l) => l.stateVariables);
  const weightLayers = layers.flatMap((l) => (l.weightLayer ? [l.weightLayer] : []));
  const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
    a.length === b.length && a.every((d, i) => d === b[i]);

  return {
    inputShape,
    outputShape,
    trainableVariables,
    stateVariables,
    layers: weightLayers,
    samplewise: !layers.some((l) => l.batchDependent),
    ...(layers.every((l) => l.portable) ? { portableLayers: () => layers.flatMap((l) => l.portable?.() ?? []) } : {}),
    apply(x, training) {
      if (!sameShape(x.shape.slice(1), inputShape)) {
        throw new Error(`Network expects [batch, ${inputShape.join(', ')}], got [${x.shape.join(', ')}].`);
      }
      return tf.tidy(() => layers.reduce((h, layer) => layer.apply(h, training), x));
    },
    dispose() {
      for (const v of [...trainableVariables, ...stateVariables]) v.dispose();
    },
  };
}
