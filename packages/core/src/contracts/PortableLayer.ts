/** A weight tensor's current values: `values` in C order of `shape`. */
export interface PortableWeights {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/**
 * One step of a network as plain data, in Keras terms, with its current weights (a
 * constraint's reparametrisation applied, inference mode): what exportGenerator rebuilds as
 * a tfjs LayersModel. Shapes as in WeightLayer; convolutions use 'same' padding.
 */
export type PortableLayer =
  | { readonly kind: 'dense'; readonly kernel: PortableWeights; readonly bias: PortableWeights | null }
  | {
      readonly kind: 'conv2d' | 'conv2dTranspose';
      readonly kernel: PortableWeights;
      readonly bias: PortableWeights | null;
      readonly strides: number;
    }
  | {
      readonly kind: 'batchNorm';
      readonly gamma: PortableWeights;
      readonly beta: PortableWeights;
      readonly movingMean: PortableWeights;
      readonly movingVariance: PortableWeights;
      readonly epsilon: number;
    }
  | {
      readonly kind: 'activation';
      readonly activation: 'none' | 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid';
      /** The negative-side slope of 'leakyRelu'. */
      readonly leakySlope: number;
    }
  /** Every sample to `shape` (one entry may be -1); the batch axis stays. */
  | { readonly kind: 'reshape'; readonly shape: readonly number[] };
