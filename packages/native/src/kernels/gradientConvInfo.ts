import * as tf from '@tensorflow/tfjs-core';

type Conv2DInfo = ReturnType<typeof tf.backend_util.computeConv2DInfo>;

/**
 * The forward convolution's info for one of its gradients (Conv2DBackpropFilter, Conv2DBackpropInput),
 * from the forward input and filter shapes at dilation 1 (tfjs's gradient attrs carry none);
 * null when dy is not that convolution's output shape, a case left to the previous kernel.
 */
export function gradientConvInfo(
  xShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  { strides, pad, dataFormat, dimRoundingMode }: tf.Conv2DBackpropFilterAttrs | tf.Conv2DBackpropInputAttrs,
  dy: tf.TensorInfo,
): Conv2DInfo | null {
  const info = tf.backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  return info.outShape.every((d, i) => d === dy.shape[i]) ? info : null;
}
