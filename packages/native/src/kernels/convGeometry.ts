import type * as tf from '@tensorflow/tfjs-core';

type Conv2DInfo = ReturnType<typeof tf.backend_util.computeConv2DInfo>;

/** The 15 numbers csrc/conv_geometry.h reads, in its order, from tfjs's convolution info. */
export function convGeometry(info: Conv2DInfo): number[] {
  return [
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.outChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.dilationHeight,
    info.dilationWidth,
    info.padInfo.top,
    info.padInfo.left,
  ];
}

/** Whether a convolution is one the native kernels compute: float32, channels last, nothing empty. */
export function nativeConvolution(info: Conv2DInfo, tensors: readonly tf.TensorInfo[]): boolean {
  return (
    info.dataFormat === 'channelsLast' &&
    tensors.every((t) => t.dtype === 'float32') &&
    info.batchSize * info.outHeight * info.outWidth * info.outChannels * info.inChannels > 0 &&
    info.inHeight * info.inWidth > 0
  );
}
