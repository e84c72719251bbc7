// Conv2DBackpropFilter (conv2d's filter gradient), NHWC:
// dW[taps, co] = im2col(x)[rows, taps]^T dy[rows, co] by sgemm (the transpose read in place).
#include "conv_geometry.h"
#include "kernels.h"

// (heap, ...15 geometry fields, xOffset, dyOffset, dwOffset)
static napi_value conv2d_backprop_filter(napi_env env, napi_callback_info info) {
  heap_t heap;
  conv_geometry g;
  int64_t offsets[3];
  if (!read_conv_call(env, info, &heap, &g, offsets)) return NULL;
  int64_t x_off = offsets[0], dy_off = offsets[1], dw_off = offsets[2];
  int64_t rows = conv_rows(&g), taps = conv_taps(&g);
  if (!in_heap(env, &heap, x_off, conv_input_size(&g)) || !in_heap(env, &heap, dy_off, rows * g.out_channels) ||
      !in_heap(env, &heap, dw_off, taps * g.out_channels)) {
    return NULL;
  }
  float* cols = conv_scratch(rows * taps);
  if (cols == NULL) {
    napi_throw_error(env, NULL, "ipmgan native: out of memory for Conv2DBackpropFilter's columns");
    return NULL;
  }
  im2col_parallel(&g, heap.data + x_off, cols);
  run_gemm(cols, heap.data + dy_off, heap.data + dw_off, 1, taps, g.out_channels, rows, 1, 0, 0, 0);
  return NULL;
}

void register_conv2d_backprop_filter(napi_env env, napi_value exports) {
  export_function(env, exports, "conv2dBackpropFilter", conv2d_backprop_filter);
}
