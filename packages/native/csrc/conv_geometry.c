#include "conv_geometry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"

int read_conv_geometry(napi_env env, napi_value* argv, conv_geometry* g) {
  int64_t v[CONV_GEOMETRY_ARGS];
  if (!arg_indices(env, argv, CONV_GEOMETRY_ARGS, v)) return 0;
  *g = (conv_geometry){v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]};
  if (g->stride_height == 0 || g->stride_width == 0 || g->dilation_height == 0 || g->dilation_width == 0) {
    napi_throw_range_error(env, NULL, "ipmgan native: convolution strides and dilations must be positive");
    return 0;
  }
  return 1;
}

napi_value run_conv_kernel(napi_env env, napi_callback_info info, const conv_kernel* kernel) {
  napi_value argv[1 + CONV_GEOMETRY_ARGS + 3];
  heap_t heap;
  conv_call call;
  int64_t offsets[3];
  if (!read_call(env, info, 1 + CONV_GEOMETRY_ARGS + 3, argv, &heap) || !read_conv_geometry(env, argv + 1, &call.g) ||
      !arg_indices(env, argv + 1 + CONV_GEOMETRY_ARGS, 3, offsets)) {
    return NULL;
  }
  call.rows = conv_rows(&call.g);
  call.taps = conv_taps(&call.g);
  const int64_t sizes[3] = {conv_input_size(&call.g), call.taps * call.g.out_channels, call.rows * call.g.out_channels};
  for (int i = 0; i < 3; i++) {
    if (!in_heap(env, &heap, offsets[i], sizes[kernel->sides[i]])) return NULL;
    call.tensors[i] = heap.data + offsets[i];
  }
  call.cols = conv_scratch(call.rows * call.taps);
  if (call.cols == NULL) {
    char message[96];
    snprintf(message, sizeof message, "ipmgan native: out of memory for %s's columns", kernel->name);
    napi_throw_error(env, NULL, message);
    return NULL;
  }
  kernel->compute(&call);
  return NULL;
}

void im2col(const conv_geometry* g, const float* x, float* cols, int64_t first, int64_t count) {
  const int64_t ci = g->in_channels, taps = conv_taps(g);
  for (int64_t n = first; n < first + count; n++) {
    const float* image = x + n * g->in_height * g->in_width * ci;
    float* row = cols + n * g->out_height * g->out_width * taps;
    for (int64_t oh = 0; oh < g->out_height; oh++) {
      for (int64_t ow = 0; ow < g->out_width; ow++, row += taps) {
        float* tap = row;
        for (int64_t kh = 0; kh < g->filter_height; kh++) {
          int64_t ih = oh * g->stride_height + kh * g->dilation_height - g->pad_top;
          for (int64_t kw = 0; kw < g->filter_width; kw++, tap += ci) {
            int64_t iw = ow * g->stride_width + kw * g->dilation_width - g->pad_left;
            if (ih < 0 || ih >= g->in_height || iw < 0 || iw >= g->in_width) {
              memset(tap, 0, (size_t)ci * sizeof(float));
            } else {
              memcpy(tap, image + (ih * g->in_width + iw) * ci, (size_t)ci * sizeof(float));
            }
          }
        }
      }
    }
  }
}

void col2im(const conv_geometry* g, const float* cols, float* dx, int64_t first, int64_t count) {
  const int64_t ci = g->in_channels, taps = conv_taps(g);
  for (int64_t n = first; n < first + count; n++) {
    float* image = dx + n * g->in_height * g->in_width * ci;
    memset(image, 0, (size_t)(g->in_height * g->in_width * ci) * sizeof(float));
    const float* row = cols + n * g->out_height * g->out_width * taps;
    for (int64_t oh = 0; oh < g->out_height; oh++) {
      for (int64_t ow = 0; ow < g->out_width; ow++, row += taps) {
        const float* tap = row;
        for (int64_t kh = 0; kh < g->filter_height; kh++) {
          int64_t ih = oh * g->stride_height + kh * g->dilation_height - g->pad_top;
          for (int64_t kw = 0; kw < g->filter_width; kw++, tap += ci) {
            int64_t iw = ow * g->stride_width + kw * g->dilation_width - g->pad_left;
            if (ih < 0 || ih >= g->in_height || iw < 0 || iw >= g->in_width) continue;
            float* target = image + (ih * g->in_width + iw) * ci;
            for (int64_t c = 0; c < ci; c++) target[c] += tap[c];
          }
        }
      }
    }
  }
}

static float* scratch = NULL;
static int64_t scratch_floats = 0;

float* conv_scratch(int64_t floats) {
  if (floats <= scratch_floats) return scratch;
  free(scratch);
  scratch = malloc((size_t)floats * sizeof(float));
  scratch_floats = scratch == NULL ? 0 : floats;
  return scratch;
}

typedef struct {
  const conv_geometry* g;
  const float* in;
  float* out;
} image_job;

static void im2col_task(void* context, int64_t n) {
  const image_job* job = context;
  im2col(job->g, job->in, job->out, n, 1);
}

static void col2im_task(void* context, int64_t n) {
  const image_job* job = context;
  col2im(job->g, job->in, job->out, n, 1);
}

void im2col_parallel(const conv_geometry* g, const float* x, float* cols) {
  image_job job = {g, x, cols};
  pool_run(g->batch, im2col_task, &job);
}

void col2im_parallel(const conv_geometry* g, const float* cols, float* dx) {
  image_job job = {g, cols, dx};
  pool_run(g->batch, col2im_task, &job);
}
