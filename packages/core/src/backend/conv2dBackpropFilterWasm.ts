import { tf } from '../tensorflow.js';
import { runWasmKernels } from './runWasmKernels.js';

function dim(shape: readonly number[], axis: number): number {
  const size = shape[axis];
  if (size === undefined) {
    throw new Error(`Conv2DBackpropFilter: shape [${shape.join(', ')}] has no axis ${axis}.`);
  }
  return size;
}

/**
 * Conv2DBackpropFilter for the wasm backend, which tfjs 4.22 does not ship
 * (so conv nets cannot train on wasm).
 *
 * dW[kh, kw, ci, co] = sum over n, i, j of
 *   x[n, i * sh + kh - padTop, j * sw + kw - padLeft, ci] * dy[n, i, j, co],
 * which is a stride-1 convolution of x (batch and channels swapped, so the
 * sum over n is the channel sum) with dy as the filter, dilated by the
 * forward strides. Built from wasm's own Transpose, Conv2D and Slice.
 */
export const conv2dBackpropFilterWasmConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { x, dy } = inputs as tf.Conv2DBackpropFilterInputs;
    if (x === undefined || dy === undefined) {
      throw new Error('Conv2DBackpropFilter expects inputs x and dy.');
    }
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    if (dataFormat === 'NCHW') {
      // Matches wasm Conv2D, which only supports channels last.
      throw new Error("wasm Conv2DBackpropFilter supports only dataFormat 'NHWC'.");
    }

    const convInfo = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const [filterHeight, filterWidth] = filterShape;
    const { strideHeight, strideWidth } = convInfo;
    const { top, left } = convInfo.padInfo;
    const outHeight = dim(dy.shape, 1);
    const outWidth = dim(dy.shape, 2);

    // Pad after so the dilated dy spans exactly the filter window. When the
    // forward conv ignored trailing input rows (stride does not divide), this
    // would be negative: pad 0 and slice the extra filter taps off below.
    const bottom = Math.max(0, (outHeight - 1) * strideHeight + filterHeight - dim(x.shape, 1) - top);
    const right = Math.max(0, (outWidth - 1) * strideWidth + filterWidth - dim(x.shape, 2) - left);

    return runWasmKernels(backend, 'Conv2DBackpropFilter', (run) => {
      // [n, h, w, ci] -> [ci, h, w, n]: ci becomes the batch, n the channels.
      const xT = run(tf.Transpose, { x }, { perm: [3, 1, 2, 0] });
      // [n, oh, ow, co] -> [oh, ow, n, co]: dy as a filter from n to co.
      const dyT = run(tf.Transpose, { x: dy }, { perm: [1, 2, 0, 3] });
      const conv = run(
        tf.Conv2D,
        { x: xT, filter: dyT },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          dilations: [strideHeight, strideWidth],
        },
      );
      // conv is [ci, >= fh, >= fw, co]; keep the taps the forward conv used.
      const taps =
        dim(conv.shape, 1) === filterHeight && dim(conv.shape, 2) === filterWidth
          ? conv
          : run(
              tf.Slice,
              { x: conv },
              {
                begin: [0, 0, 0, 0],
                size: [dim(conv.shape, 0), filterHeight, filterWidth, dim(conv.shape, 3)],
              },
            );
      // [ci, fh, fw, co] -> [fh, fw, ci, co].
      return run(tf.Transpose, { x: taps }, { perm: [1, 2, 0, 3] });
    });
  },
};
