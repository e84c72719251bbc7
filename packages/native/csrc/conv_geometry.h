// The geometry of an NHWC 2-D convolution and the im2col / col2im transforms the
// three convolution kernels share. A row of the column matrix is one output
// position (n, oh, ow); its columns are the filter taps (kh, kw, ci), the order of
// a [fh, fw, ci, co] filter flattened to [fh * fw * ci, co], so
//   out[rows, co] = cols[rows, taps] filter[taps, co].
#ifndef IPMGAN_CONV_GEOMETRY_H
#define IPMGAN_CONV_GEOMETRY_H

#include <stdint.h>
#include <node_api.h>

#include "heap.h"

typedef struct {
  int64_t batch, in_height, in_width, in_channels;
  int64_t out_height, out_width, out_channels;
  int64_t filter_height, filter_width;
  int64_t stride_height, stride_width, dilation_height, dilation_width;
  int64_t pad_top, pad_left;
} conv_geometry;

#define CONV_GEOMETRY_ARGS 15

// Reads the 15 fields in declaration order from argv; throws and returns 0 if one is bad.
int read_conv_geometry(napi_env env, napi_value* argv, conv_geometry* g);

static inline int64_t conv_rows(const conv_geometry* g) { return g->batch * g->out_height * g->out_width; }
static inline int64_t conv_taps(const conv_geometry* g) {
  return g->filter_height * g->filter_width * g->in_channels;
}
static inline int64_t conv_input_size(const conv_geometry* g) {
  return g->batch * g->in_height * g->in_width * g->in_channels;
}

// What a tensor offset of a convolution call points at: the image side [batch, h, w, ci] (x or
// dx), the filter side [taps, co] (filter or dw) or the output side [rows, co] (y or dy).
typedef enum { CONV_IMAGE, CONV_FILTER, CONV_OUTPUT } conv_side;

// A convolution call once read: its geometry, its three tensors (in the call's order) and the
// column matrix [rows, taps] (scratch kept between calls).
typedef struct {
  conv_geometry g;
  float* tensors[3];
  float* cols;
  int64_t rows, taps;
} conv_call;

// One convolution kernel: its name in errors, the sides of its three tensors, and its product.
typedef struct {
  const char* name;
  conv_side sides[3];
  void (*compute)(const conv_call* call);
} conv_kernel;

// Runs `kernel` on a call (heap, the CONV_GEOMETRY_ARGS fields, then three tensor offsets):
// reads it, checks each tensor against the heap, takes the columns and computes. Throws and
// returns NULL at the first bad argument or without memory.
napi_value run_conv_kernel(napi_env env, napi_callback_info info, const conv_kernel* kernel);

// cols[rows of images [first, first + count), taps] from x (zeros where the window leaves x).
void im2col(const conv_geometry* g, const float* x, float* cols, int64_t first, int64_t count);

// dx[images [first, first + count)] = sum of each column row scattered back onto its window
// (dx zeroed first); rows in order, so the sums do not depend on the thread count.
void col2im(const conv_geometry* g, const float* cols, float* dx, int64_t first, int64_t count);

// A buffer of at least `floats` floats, kept between calls (a large malloc per call would
// fault its pages in every time); NULL when out of memory. Callers on the JavaScript thread only.
float* conv_scratch(int64_t floats);

// Runs im2col or col2im over the images, spread over the pool.
void im2col_parallel(const conv_geometry* g, const float* x, float* cols);
void col2im_parallel(const conv_geometry* g, const float* cols, float* dx);

#endif
