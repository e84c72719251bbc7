import type { PortableLayer } from '../../contracts/PortableLayer.js';

/** The activation a fused layer (dense or batch norm with its ReLU / LeakyReLU) applies, as export data. */
export function portableActivation(spec: {
  readonly activation?: 'relu' | 'leakyRelu';
  readonly leakySlope?: number;
}): PortableLayer[] {
  return spec.activation === undefined
    ? []
    : [{ kind: 'activation', activation: spec.activation, leakySlope: spec.leakySlope ?? 0.2 }];
}
