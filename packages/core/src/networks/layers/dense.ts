import type { Rng } from '../../random/Rng.js';
import { tf } from '../../tensorflow.js';
import type { InitScheme } from '../InitScheme.js';
import { initializers } from '../initializers.js';
import type { Layer } from './Layer.js';
import { effectiveKernel } from './effectiveKernel.js';
import { portableWeights } from './portableWeights.js';
import { weightLayer } from './weightLayer.js';

interface DenseSpec {
  /** Variable name prefix, e.g. "critic/layer0". */
  readonly name: string;
  readonly inUnits: number;
  readonly outUnits: number;
  /** Off when a batch norm follows, which would cancel the bias anyway. */
  readonly bias: boolean;
  readonly init: InitScheme;
  readonly rng: Rng;
}

/** x W + b on [batch, inUnits], with W stored as [inUnits, outUnits]. */
export function dense(spec: DenseSpec): Layer {
  const { name, inUnits, outUnits, init, rng } = spec;
  const kernel = initializers.variable(
    initializers.weight(init, [inUnits, outUnits], inUnits, rng),
    true,
    `${name}/kernel`,
  ); // [in, out]
  const bias = spec.bias
    ? initializers.variable(initializers.bias(init, [outUnits], inUnits, rng), true, `${name}/bias`) // [out]
    : undefined;
  const layer = weightLayer('dense', name, kernel, bias);
  return {
    trainableVariables: bias === undefined ? [kernel] : [kernel, bias],
    stateVariables: [],
    weightLayer: layer,
    portable: () => ({
      kind: 'dense',
      kernel: effectiveKernel(kernel, layer.transform),
      bias: bias === undefined ? null : portableWeights(bias),
    }),
    apply(x, training) {
      const w = layer.transform ? layer.transform(kernel, training) : kernel; // a constraint's reparametrisation
      // Plain matMul without transpose flags: wasm runs flagged matMuls 10-30x slower.
      const y = tf.matMul(x, w); // [batch, out]
      return bias === undefined ? y : tf.add(y, bias);
    },
  };
}
