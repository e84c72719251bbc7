import type { PortableWeights } from '../../contracts/PortableLayer.js';
import type { KernelTransform } from '../../contracts/WeightLayer.js';
import { tf } from '../../tensorflow.js';
import { portableWeights } from './portableWeights.js';

/** A kernel as the forward pass uses it in inference mode: through the layer's reparametrisation, if any. */
export function effectiveKernel(kernel: tf.Variable, transform: KernelTransform | null): PortableWeights {
  if (!transform) return portableWeights(kernel);
  const effective = tf.tidy(() => transform(kernel, false));
  const weights = portableWeights(effective);
  effective.dispose();
  return weights;
}
