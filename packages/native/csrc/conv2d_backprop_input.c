// Conv2DBackpropInput (conv2d's input gradient, conv2dTranspose's forward), NHWC:
// columns = dy[rows, co] filter[taps, co]^T by sgemm, then col2im adds each row back
// onto its window of dx. Only the useful products are computed (no zeros of a dilated dy).
#include "conv_geometry.h"
#include "kernels.h"

// (heap, ...15 geometry fields of the forward conv (its input is dx), dyOffset, filterOffset, dxOffset)
static napi_value conv2d_backprop_input(napi_env env, napi_callback_info info) {
  heap_t heap;
  conv_geometry g;
  int64_t offsets[3];
  if (!read_conv_call(env, info, &heap, &g, offsets)) return NULL;
  int64_t dy_off = offsets[0], filter_off = offsets[1], dx_off = offsets[2];
  int64_t rows = conv_rows(&g), taps = conv_taps(&g);
  if (!in_heap(env, &heap, dy_off, rows * g.out_channels) || !in_heap(env, &heap, filter_off, taps * g.out_channels) ||
      !in_heap(env, &heap, dx_off, conv_input_size(&g))) {
    return NULL;
  }
  float* cols = conv_scratch(rows * taps);
  if (cols == NULL) {
    napi_throw_error(env, NULL, "ipmgan native: out of memory for Conv2DBackpropInput's columns");
    return NULL;
  }
  run_gemm(heap.data + dy_off, heap.data + filter_off, cols, 1, rows, taps, g.out_channels, 0, 1, 0, 0);
  col2im_parallel(&g, cols, heap.data + dx_off);
  return NULL;
}

void register_conv2d_backprop_input(napi_env env, napi_value exports) {
  export_function(env, exports, "conv2dBackpropInput", conv2d_backprop_input);
}
