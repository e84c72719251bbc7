// Conv2D and its two gradients (NHWC), each an im2col or col2im and one sgemm:
//   Conv2D:               out[rows, co] = im2col(x)[rows, taps] filter[taps, co]
//   Conv2DBackpropFilter: dW[taps, co] = im2col(x)[rows, taps]^T dy[rows, co] (the transpose read in place)
//   Conv2DBackpropInput (conv2dTranspose's forward): columns = dy[rows, co] filter[taps, co]^T, then
//     col2im adds each row back onto its window of dx; only the useful products are computed (no
//     zeros of a dilated dy).
// Each takes (heap, ...15 geometry fields of the forward conv, then its three tensor offsets).
#include "conv_geometry.h"
#include "kernels.h"

// (x, filter, out)
static void forward(const conv_call* c) {
  im2col_parallel(&c->g, c->tensors[0], c->cols);
  run_gemm(c->cols, c->tensors[1], c->tensors[2], 1, c->rows, c->g.out_channels, c->taps, 0, 0, 0, 0);
}

// (x, dy, dw)
static void filter_gradient(const conv_call* c) {
  im2col_parallel(&c->g, c->tensors[0], c->cols);
  run_gemm(c->cols, c->tensors[1], c->tensors[2], 1, c->taps, c->g.out_channels, c->rows, 1, 0, 0, 0);
}

// (dy, filter, dx)
static void input_gradient(const conv_call* c) {
  run_gemm(c->tensors[0], c->tensors[1], c->cols, 1, c->rows, c->taps, c->g.out_channels, 0, 1, 0, 0);
  col2im_parallel(&c->g, c->cols, c->tensors[2]);
}

static const conv_kernel CONV2D = {"Conv2D", {CONV_IMAGE, CONV_FILTER, CONV_OUTPUT}, forward};
static const conv_kernel FILTER = {"Conv2DBackpropFilter", {CONV_IMAGE, CONV_OUTPUT, CONV_FILTER}, filter_gradient};
static const conv_kernel INPUT = {"Conv2DBackpropInput", {CONV_OUTPUT, CONV_FILTER, CONV_IMAGE}, input_gradient};

static napi_value conv2d(napi_env env, napi_callback_info info) { return run_conv_kernel(env, info, &CONV2D); }
static napi_value backprop_filter(napi_env env, napi_callback_info info) { return run_conv_kernel(env, info, &FILTER); }
static napi_value backprop_input(napi_env env, napi_callback_info info) { return run_conv_kernel(env, info, &INPUT); }

void register_conv2d(napi_env env, napi_value exports) {
  export_function(env, exports, "conv2d", conv2d);
  export_function(env, exports, "conv2dBackpropFilter", backprop_filter);
  export_function(env, exports, "conv2dBackpropInput", backprop_input);
}
