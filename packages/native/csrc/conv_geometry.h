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

// Reads a convolution kernel's call (heap, the CONV_GEOMETRY_ARGS fields, then three tensor
// offsets) in that order; throws and returns 0 at the first bad argument.
int read_conv_call(napi_env env, napi_callback_info info, heap_t* heap, conv_geometry* g, int64_t offsets[3]);

static inline int64_t conv_rows(const conv_geometry* g) { return g->batch * g->out_height * g->out_width; }
static inline int64_t conv_taps(const conv_geometry* g) {
  return g->filter_height * g->filter_width * g->in_channels;
}
static inline int64_t conv_input_size(const conv_geometry* g) {
  return g->batch * g->in_height * g->in_width * g->in_channels;
}

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
