import type * as tf from '@tensorflow/tfjs-core';
import type { NativeKernel } from '../NativeKernel.js';
import { convGeometry, nativeConvolution } from './convGeometry.js';
import { fallbackTo } from './fallbackTo.js';
import { replacingKernel } from './replacingKernel.js';
import { runOnHeap } from './runOnHeap.js';

type Conv2DInfo = ReturnType<typeof tf.backend_util.computeConv2DInfo>;

/** A convolution call as the native side takes it: the forward convolution's info and the output's shape. */
export interface ConvolutionPlan {
  /** Null: a case left to the previous kernel. */
  readonly info: Conv2DInfo | null;
  readonly outShape: readonly number[];
}

/**
 * A native convolution kernel (csrc/conv2d.c) in place of `kernelName`: its two inputs, named
 * `inputNames` in the C call's order, are required; `plan` reads the geometry from them and the
 * attrs; the addon's `method` computes what nativeConvolution covers, the previous kernel the rest.
 */
export function convolutionKernel(
  kernelName: string,
  inputNames: readonly [string, string],
  method: 'conv2d' | 'conv2dBackpropFilter' | 'conv2dBackpropInput',
  plan: (inputs: readonly [tf.TensorInfo, tf.TensorInfo], attrs: tf.NamedAttrMap) => ConvolutionPlan,
): NativeKernel {
  return replacingKernel(kernelName, (addon, fallback) => (args) => {
    const [a, b] = inputNames.map((name) => args.inputs[name]);
    if (a === undefined || b === undefined)
      throw new Error(`${kernelName} expects inputs ${inputNames[0]} and ${inputNames[1]}.`);
    const { info, outShape } = plan([a, b], args.attrs ?? {});
    if (info === null || !nativeConvolution(info, [a, b])) return fallbackTo(fallback, args);
    const [out] = runOnHeap(args.backend, [outShape], (heap, at, [y]) => {
      addon[method](heap, ...convGeometry(info), at(a), at(b), at(y));
    });
    return out;
  });
}
